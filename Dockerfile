FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=/venv
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.8

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
ENV PATH="/venv/bin:$PATH"
COPY . .
# A throw-away key: settings refuse to load with DEBUG=0 and no real SECRET_KEY.
RUN export DEBUG=0 SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    && python manage.py collectstatic --noinput \
    && python manage.py compilemessages --ignore=.venv >/dev/null

# /app/media exists, owned by rainbow, so the named volume mounted there starts writable.
RUN useradd --create-home rainbow && mkdir -p /app/media && chown -R rainbow /app
USER rainbow
EXPOSE 8000
CMD ["gunicorn", "rainbow_admin.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
