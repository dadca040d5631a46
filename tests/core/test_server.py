"""The options Cometa hands to gunicorn, checked against the installed gunicorn."""

from __future__ import annotations

import pytest
from gunicorn.config import Config

from cometa.core.server import server_options


def _config() -> Config:
    options = server_options(host="127.0.0.1", port=8123, workers=3, threads=5)
    config = Config()
    for key, value in options.items():
        config.set(key, value)  # an unknown name raises AttributeError
    return config


def test_every_option_is_a_setting_of_the_installed_gunicorn() -> None:
    config = _config()
    assert config.bind == ["127.0.0.1:8123"]
    assert (config.workers, config.threads) == (3, 5)
    assert config.worker_class_str == "gthread"


def test_the_control_socket_is_off() -> None:
    # gunicorn would otherwise write a socket to ~/.gunicorn/ or $XDG_RUNTIME_DIR
    assert _config().control_socket_disable is True


def test_access_log_and_trusted_proxies_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMETA_ACCESS_LOG", "/var/log/cometa/access.log")
    monkeypatch.setenv("COMETA_FORWARDED_ALLOW_IPS", "10.0.0.5,10.0.0.6")
    config = _config()
    assert config.accesslog == "/var/log/cometa/access.log"
    assert config.forwarded_allow_ips == ["10.0.0.5", "10.0.0.6"]


def test_by_default_the_access_log_goes_to_standard_output_and_only_loopback_is_trusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COMETA_ACCESS_LOG", raising=False)
    monkeypatch.delenv("COMETA_FORWARDED_ALLOW_IPS", raising=False)
    config = _config()
    assert config.accesslog == "-"
    assert config.forwarded_allow_ips == ["127.0.0.1"]
