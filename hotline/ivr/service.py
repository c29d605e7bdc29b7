"""The loaded flows of this process, validated once at start."""

from functools import lru_cache
from pathlib import Path

from hotline.ivr.flows import FlowSet, load_flows
from hotline.settings import get_settings


@lru_cache
def _flows(directory: Path) -> FlowSet:
    return load_flows(directory)


def get_flows() -> FlowSet:
    return _flows(get_settings().flows_dir)


def speech_languages(flows: FlowSet) -> dict[str, str | None]:
    return {code: language.speech_language for code, language in flows.languages.items()}
