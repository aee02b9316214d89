"""Vloer voor de browserbenchmark: titel + selectbox + één kleine plotly-grafiek."""

import plotly.graph_objects as go
import streamlit as st

st.title("Vloer: plotly")
thema = st.selectbox("Thema", [f"T{i:02d}" for i in range(1, 15)], key="thema")
n = int(thema[1:])
fig = go.Figure(go.Bar(x=["0", "1", "2", "3", "4"], y=[(n * k) % 7 + 1 for k in range(1, 6)]))
fig.update_layout(height=300, margin=dict(l=10, r=10, t=10, b=10))
st.plotly_chart(fig, key="floor_plotly")
