/// The real data sets compiled into the library (see scripts/embed-datasets.py).
enum EmbeddedData {}
