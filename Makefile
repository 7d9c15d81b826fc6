# One command to open the course, one to test it. Both make their own virtual environment
# (.venv, with the Python named by PYTHON) and are safe to run again.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXTRAS := $(VENV)/.installed-browser
LABX   := $(VENV)/.installed-lab
SITEX  := $(VENV)/.installed-site
DEMOX  := $(VENV)/.installed-demos
# JupyterLab refuses to run as root ("Running as root is not recommended") unless told so.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# Other floating-point kernels on the same machine: oneDNN in TensorFlow changes trained weights,
# OpenBLAS's Haswell (AVX2) kernels change numpy's matmuls (measured: tools/perturbation_probe.py).
PERTURB := TF_ENABLE_ONEDNN_OPTS=1 OPENBLAS_CORETYPE=Haswell

.PHONY: lab test test-perturbed lint notebooks sweeps bench browser browser-setup site demos clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; ok = (3, 10) <= v <= (3, 12); \
	  print(f"Python {v[0]}.{v[1]}: " + ("ok" if ok else "this course needs Python 3.10-3.12 (set PYTHON=python3.11)")); \
	  sys.exit(0 if ok else 1)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

$(LABX): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,lab]"
	touch $(LABX)

$(SITEX): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,site]"
	touch $(SITEX)

$(DEMOX): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,demos]"
	touch $(DEMOX)

# the browser tests cover the site and the demos too, so they need both extras
$(EXTRAS): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,browser,site,demos]"
	touch $(EXTRAS)

lab: $(LABX)           ## set up (with the `lab` extra: JupyterLab), then open the course in JupyterLab
	$(BIN)/jupyter lab $(LAB_ROOT) notebooks/00_start_here.ipynb

test: $(STAMP)         ## set up, then lint and run the unit tests and every notebook (strict nbval)
	$(BIN)/ruff check .
	@# pytest exits 5 when it collects nothing: here that means a broken layout, so it fails loudly.
	@$(BIN)/python -m pytest; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; \
	  exit $$rc

test-perturbed: $(STAMP)   ## every notebook again (strict nbval) under other floating-point kernels
	@$(PERTURB) $(BIN)/python -m pytest notebooks; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no notebooks: failing on purpose"; exit 1; fi; \
	  exit $$rc

notebooks: $(STAMP)    ## re-run every notebook top to bottom and save it with its outputs
	$(BIN)/python tools/run_notebooks.py

sweeps: $(STAMP)       ## rerun every sweep (seeds x models; about 80 min) and rewrite rnn_helpers/sweeps/results
	$(BIN)/python -m rnn_helpers.sweeps --all

bench: $(EXTRAS)       ## time every notebook (fresh kernel) and widget; table into README.md
	$(BIN)/python bench/run_bench.py

site: $(SITEX)         ## the offline HTML site of every notebook -> site/_build/html/index.html (needs npm)
	$(BIN)/python tools/build_site.py

demos: $(DEMOX)        ## serve the live classroom demos with Voila (make demos PROJECTOR=1: projector style)
	$(BIN)/python tools/serve_demos.py $(if $(filter 1,$(PROJECTOR)),--projector)

browser-setup: $(EXTRAS)   ## add Playwright to .venv (the browser: apt-get install -y chromium)

browser: $(EXTRAS)     ## only the real-browser tests (JupyterLab in headless chromium)
	$(BIN)/python -m pytest tests/browser -rs

clean:
	rm -rf $(VENV)

.PHONY: answers
answers: $(STAMP)      ## the teacher's answer sheet: every exercise's solution, every widget's things to try
	$(BIN)/python tools/answer_sheet.py
