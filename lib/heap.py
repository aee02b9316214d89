"""De vaste Python-heap buiten Streamlits opruimronde na elke run houden.

Streamlit roept na elke scriptrun `gc.collect(2)` aan (`runner.postScriptGC`). Die volledige ronde loopt
over alle ~140 000 gevolgde objecten van plotly, geopandas, polars, pydeck en de gecachte data, kost op
deze machine ~90–100 ms en houdt zolang de GIL vast. Dat vertraagt het verzenden van de laatste
berichten van elke rerun naar de browser (gemeten met py-spy: een derde van de scriptthread-tijd op de
regiopagina).

`gc.freeze()` zet alle objecten die op dat moment leven in een permanente generatie die de
opruimronde overslaat. Objecten die na het bevriezen ontstaan (per sessie, per run) blijven gewoon
opgeruimd worden. We bevriezen alleen als er sinds de vorige keer modules zijn geïmporteerd (de eerste
run, en de eerste keer dat een pagina met een nieuwe bibliotheek opent), en ruimen eerst op, zodat er
geen afval wordt vastgezet. Het aantal bevriesmomenten is daardoor begrensd door het aantal imports.
"""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_modules_at_freeze = 0


def freeze_when_new_modules() -> bool:
    """Ruim op en bevries de heap als er sinds de vorige keer modules zijn bijgekomen; True als bevroren."""
    global _modules_at_freeze
    n = len(sys.modules)
    if n <= _modules_at_freeze:
        return False
    with _lock:
        if len(sys.modules) <= _modules_at_freeze:
            return False
        gc.collect()
        gc.freeze()
        _modules_at_freeze = len(sys.modules)
        return True
