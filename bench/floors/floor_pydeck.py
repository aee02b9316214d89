"""Vloer voor de browserbenchmark: titel + selectbox + één kleine pydeck-laag zonder basiskaart."""

import pydeck as pdk
import streamlit as st

st.title("Vloer: pydeck")
thema = st.selectbox("Thema", [f"T{i:02d}" for i in range(1, 15)], key="thema")
n = int(thema[1:])
squares = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"fill": [40 + 15 * ((n + i) % 10), 120, 180, 220]},
     "geometry": {"type": "Polygon", "coordinates": [[[4 + i, 51], [4.8 + i, 51], [4.8 + i, 51.8], [4 + i, 51.8],
                                                       [4 + i, 51]]]}}
    for i in range(3)
]}
deck = pdk.Deck(
    layers=[pdk.Layer("GeoJsonLayer", id="vlakken", data=squares, get_fill_color="properties.fill", pickable=True)],
    initial_view_state=pdk.ViewState(longitude=5.4, latitude=51.4, zoom=6),
    map_provider=None,  # geen basiskaart, geen verzoek naar buiten (en géén map_style)
)
st.pydeck_chart(deck, key="floor_pydeck", height=400)
