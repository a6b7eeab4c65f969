"""The warehouse for people: look-ups, headline figures, a static report and open-data exports.

Everything here only reads the published warehouse (read-only connections) and
its ``analytics`` schema, the tables built so that a plain ``SUM`` never
double counts (see ``docs/analysts.md``). The ``fiscal`` commands ``show``,
``search``, ``query``, ``report`` and ``export --format fdp`` call these
modules (:mod:`pipelines.analysis.commands`).
"""
