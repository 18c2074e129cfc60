# zwgk — make run (set up and start), make test (set up and run every test).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The PostgreSQL database the web tests run on a second time (pytest-django creates test_<name>);
# one per checkout, so that two clones running make test at once do not share test_<name>.
PG_TEST_DB ?= zwgk_$(shell printf %s "$(CURDIR)" | cksum | cut -d" " -f1)

.PHONY: setup run test lint bench clean wheelhouse

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON) 未找到）"; exit 1; }
	@# a venv left half-made (interrupted) is made again
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/python -m zwgk.web migrate --noinput -v0
	$(BIN)/python -m zwgk.web demo
	@echo "打开 http://127.0.0.1:8000/ （Ctrl+C 停止）"
	$(BIN)/python -m zwgk.web.serve --bind 127.0.0.1:8000

test: setup
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "== 安装 Chromium（浏览器测试用）=="; \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || \
		  { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }; } || \
		echo "== 未能安装 Chromium，浏览器测试将跳过 =="; \
	fi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2
	@if $(BIN)/python -c "import psycopg; psycopg.connect('host=127.0.0.1 user=postgres dbname=postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Web 测试在 PostgreSQL（127.0.0.1:5432）上再运行一次 =="; \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(PG_TEST_DB) DB_CONN_MAX_AGE=0 $(BIN)/python -m pytest -q tests/web; \
	else \
		echo "== 跳过 PostgreSQL 上的 Web 测试：127.0.0.1:5432 无法连接（默认的 SQLite 测试已运行）=="; \
	fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup
	$(BIN)/python bench/score_bench.py

# Every pinned dependency and zwgk as wheels, for an offline install (docs/deploy.md).
wheelhouse:
	PYTHON=$(PYTHON) sh deploy/build-wheelhouse.sh wheelhouse

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
