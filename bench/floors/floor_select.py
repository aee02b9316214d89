"""Vloer voor de browserbenchmark: de kleinste Streamlit-pagina (titel + selectbox)."""

import streamlit as st

st.title("Vloer: selectbox")
thema = st.selectbox("Thema", [f"T{i:02d}" for i in range(1, 15)], key="thema")
st.write(f"Gekozen: {thema}")
