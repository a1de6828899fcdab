#!/usr/bin/env bash
# Turns TLS on in the local PostgreSQL (for the TLS tests) with a self-signed certificate for localhost and
# 127.0.0.1, if it is not on already. Plain connections stay allowed: pg_hba's `host` lines match both, so
# nobody else's connection changes. Needs to run as root or postgres on the database's own machine.
set -euo pipefail
psql_() { psql -h 127.0.0.1 -U postgres -d postgres -Atqc "$1"; }
if [ "$(psql_ 'show ssl')" = "on" ]; then echo "PostgreSQL TLS: already on"; exit 0; fi
data=$(psql_ 'show data_directory')
crt="$data/claims-ci-server.crt"
key="$data/claims-ci-server.key"
if [ ! -s "$crt" ] || [ ! -s "$key" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$key" -out "$crt" 2>/dev/null
  chown postgres:postgres "$crt" "$key"
  chmod 600 "$key"
  chmod 644 "$crt"
fi
psql_ "alter system set ssl_cert_file = '$crt'"
psql_ "alter system set ssl_key_file = '$key'"
psql_ "alter system set ssl = on"
psql_ "select pg_reload_conf()" >/dev/null
for _ in $(seq 1 20); do [ "$(psql_ 'show ssl')" = "on" ] && break; sleep 0.5; done
echo "PostgreSQL TLS: $(psql_ 'show ssl') ($crt)"
