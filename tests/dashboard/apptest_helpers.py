"""Reading what an AppTest page shows: chart datasets (as sent to the browser) and st.html bodies."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from dashboard.charts import SEP


def chart_frames(at: AppTest) -> list[pd.DataFrame]:
    """The datasets of the first chart on the page, as sent to the browser (Arrow IPC)."""
    charts = at.get("vega_lite_chart")
    assert charts, "no chart on the page"
    frames = []
    for dataset in charts[0].proto.datasets:
        with pa.ipc.open_stream(io.BytesIO(dataset.data.data)) as reader:
            frames.append(reader.read_pandas())
    return frames


def event_marks(at: AppTest) -> pd.DataFrame:
    """The main view's marks (the dataset with one row per event and lane)."""
    marks = next(f for f in chart_frames(at) if "event_id" in f.columns)
    return marks.assign(lane=marks["slot"].str.split(SEP).str[1])


def html_of(at: AppTest) -> str:
    return "\n".join(node.proto.body for node in at.get("html"))
