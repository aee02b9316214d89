"""Logica van het dashboard: schema, laden, valideren, transformaties, grafieken, kaarten, export."""
