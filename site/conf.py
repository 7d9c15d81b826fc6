"""Sphinx configuration of the offline site: every notebook from its saved outputs, nothing from a CDN.

Build it with ``python tools/build_site.py`` (it stages the sources in ``_build/src`` and vendors
the front-end files from npm into ``_build/vendor``); ``sphinx-build`` alone does not vendor them.
"""

project = "Recurrent neural networks, one runnable step at a time"
author = "the course authors"
copyright = "the course authors"

extensions = ["myst_nb"]
root_doc = "index"
exclude_patterns = ["**.ipynb_checkpoints"]

# The notebooks are read with their saved outputs and widget state; nothing is executed.
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]   # the notebooks write $...$ and $$...$$
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]                    # a notebook may skip a heading level

# Front-end files vendored from npm (site/package.json, pinned in package-lock.json) into
# _build/vendor by tools/build_site.py. Relative paths resolve against _static. No crossorigin
# attribute: a page opened from disk has origin "null", and CORS would block the script.
html_static_path = ["_static", "_build/vendor"]
mathjax_path = "mathjax/tex-chtml.js"                  # MathJax 3 finds its fonts beside this file
# After MathJax (priority 500): lets the widget manager's MathJax 2 call reach MathJax 3.
html_js_files = [("widgets-mathjax.js", {"defer": "defer", "priority": 600})]
nb_ipywidgets_js = {
    "require.js": {},
    "embed-amd.js": {},
}

html_theme = "sphinx_book_theme"
html_title = "RNNs, one runnable step at a time"
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_context = {"default_mode": "auto"}               # unset, the theme logs an error on every page
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "navigation_with_keys": False,
}
