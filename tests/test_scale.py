"""A large guide stays safe: a generated 2000-step model is checked and built, its charts
drawn at build time, and the front page's overview shrinks to one node per level (said on
the page and by `check`) instead of failing. (Timing is measured in bench/model_scale.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from synthetic import synthetic_model

from handlingsveileder import cli


@pytest.fixture(scope="module")
def big_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("big") / "models.yaml"
    text = yaml.safe_dump({"stor": synthetic_model(2000)}, allow_unicode=True, sort_keys=False)
    data.write_text(text, encoding="utf-8")
    return data


def test_check_passes_and_warns_that_the_overview_is_reduced(
    big_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", str(big_model)]) == 0
    out = capsys.readouterr()
    assert "2000 steg, ingen feil" in out.out
    assert "Advarsel:" in out.err and "oversikten på forsiden viser ett felt per nivå" in out.err
    assert "Traceback" not in out.out + out.err


@pytest.mark.slow
def test_a_2000_step_model_builds_with_every_chart_as_svg(
    big_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    args = ["build", "--data", str(big_model), "--model", "stor", "--site-dir", str(site)]
    assert cli.main(args) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "tegnes i nettleseren" not in out.err, "every chart was drawn at build time"
    levels = sorted(site.glob("niva-*/index.html"))
    assert len(levels) == 80
    for page in (site / "index.html", *levels):
        html = page.read_text(encoding="utf-8")
        assert 'class="hv-diagram hv-svg"' in html, page
        assert 'class="mermaid"' not in html, page
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Oversikten er forenklet" in front
    assert front.count('id="niva-') == 0 and front.count("niva-80/") >= 2
