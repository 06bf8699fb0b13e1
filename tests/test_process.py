"""The process of each guide as its source gives it: where each fork leads, what is the
editor's reading (inferred), where a deadline governs, and who is responsible."""

from __future__ import annotations

import pytest
from conftest import DATA

from handlingsveileder import graph
from handlingsveileder.model import END, Model, Step
from handlingsveileder.validate import load_models


@pytest.fixture(scope="module")
def models() -> dict[str, Model]:
    return load_models(DATA)


def step(model: Model, step_id: str) -> Step:
    return model.step_index[step_id][1]


def test_modum_deadlines_stand_on_the_meetings_they_set(models: dict[str, Model]) -> None:
    modum = models["modum"]
    assert step(modum, "n1-skap-felles-forstaelse").deadline is None
    assert step(modum, "n1-oppfolgingssamtale").deadline == "senest innen 4 uker"
    assert step(modum, "n2-nettverksmote").deadline is None
    assert step(modum, "n2-nettverksmote-oppfolging").deadline == "senest innen 4 uker"
    deadlines = [o.deadline for o in step(modum, "n3-beslutning").outcomes]
    assert deadlines == [
        "nytt nettverksmøte om innen 4 uker",
        "nytt nettverksmøte om innen 4 uker",
        "nytt nettverksmøte om innen 6 uker",
        None,
    ]


def test_modum_ip_continues_under_the_ip_coordinator(models: dict[str, Model]) -> None:
    """The IP outcome leaves the guide for the IP coordinator; it does not share «Slutt» with
    «ønsket effekt», and all four of the source's bullets stand under it."""
    modum = models["modum"]
    assert modum.exits["ip"].kind == "coordinator"
    for decision in ("n2-beslutning", "n3-beslutning"):
        outcomes = step(modum, decision).outcomes
        assert outcomes[-1].goto == ("ip",) and not outcomes[-1].inferred
        assert "stafettholder erstattes av IP koordinator" in str(outcomes[-1].text)
        assert "Stafettlogg avsluttes" in str(outcomes[-1].text)
        assert step(modum, decision).responsible == ()
    assert step(modum, "n2-beslutning").outcomes[0].goto == (END,)


def test_modum_ressursteam_ways_on_are_marked_as_readings(models: dict[str, Model]) -> None:
    ressursteam = step(models["modum"], "n1-ressursteam")
    assert ressursteam.next is None
    assert [o.goto for o in ressursteam.outcomes] == [("niva-2",), ("n1-iverksett-tiltak",)]
    assert all(o.inferred for o in ressursteam.outcomes)


def test_romskog_forks_are_labelled_and_4b_shows_the_report(models: dict[str, Model]) -> None:
    romskog = models["romskog"]
    for fork in ("steg-1a", "steg-1b", "steg-2b", "steg-3b"):
        assert step(romskog, fork).next is None and step(romskog, fork).outcomes, fork
    assert step(romskog, "steg-2b").deadline == "maks. 1-2 måneder"
    choices = [o.short for o in step(romskog, "steg-4b").outcomes]
    assert choices == [
        "Godta foreldrenes/de foresattes valg",
        "Melde bekymring til barneverntjenesten",
    ]
    duty = step(romskog, "steg-4b").checklist[-1]
    assert duty.startswith("Vi har som ansatte en selvstendig plikt til å melde bekymring")
    # 4b never ends in «Slutt»: either the cooperation goes on, or the employee reports.
    goes = [o.goto for o in step(romskog, "steg-4b").outcomes]
    assert goes == [("videre-samarbeid",), ("melding",)]
    assert romskog.exits["videre-samarbeid"].kind == "continue"
    assert romskog.exits["melding"].kind == "report"
    assert not any(o.inferred for o in step(romskog, "steg-4b").outcomes)


def test_nynorsk_3a_is_an_open_end_and_4b_reports(models: dict[str, Model]) -> None:
    """The source gives 3a no way on: the model says so instead of inventing one."""
    nynorsk = models["bekymring-nynorsk"]
    level, three_a = nynorsk.step_index["steg-3a"]
    follows = graph.successors(level, three_a)
    assert follows.targets() == () and not follows.ends
    assert three_a.open and not three_a.outcomes
    four_b = step(nynorsk, "steg-4b")
    assert four_b.next == ("melding",) and nynorsk.exits["melding"].kind == "report"
    assert four_b.checklist == ("Bekymringsmelding vert sendt til barneverntenesta.",)


def test_bti_level_3_closing_continues_at_a_lower_level(models: dict[str, Model]) -> None:
    bti = models["bti-fem-steg"]
    assert bti.draft == "DENNE SIDEN ER UNDER ARBEID."
    closing = step(bti, "n3-avklar-behov").outcomes[0]
    assert closing.label == "Avslutning" and closing.goto == ("niva-2", "niva-1")
    assert closing.inferred


@pytest.mark.parametrize("model_id", ["modum", "romskog", "bekymring-nynorsk", "bti-fem-steg"])
def test_an_end_that_the_source_does_not_state_is_marked(
    models: dict[str, Model], model_id: str
) -> None:
    """Every `end: true` on a step whose source has no closing words carries its reason."""
    model = models[model_id]
    stated_ends = {
        "modum": {"n0-avslutt-oppfolgingen"},
        "bti-fem-steg": {"n0-avklar-behov"},
        "romskog": set(),
        "bekymring-nynorsk": set(),
    }[model_id]
    for _level, one in model.all_steps():
        if one.end and one.id not in stated_ends:
            assert one.inferred, one.id
        for outcome in one.outcomes:
            if END in outcome.goto and outcome.text is None and model_id != "modum":
                assert outcome.inferred, one.id


@pytest.mark.parametrize("model_id", ["modum", "romskog", "bekymring-nynorsk"])
def test_no_report_or_handover_is_drawn_as_a_plain_end(
    models: dict[str, Model], model_id: str
) -> None:
    """Where the guide tells the employee to report or hand over, the way on is an exit."""
    model = models[model_id]
    for _level, one in model.all_steps():
        for outcome in one.outcomes:
            words = f"{outcome.label} {outcome.text or ''}".lower()
            if "melde bekymring" in words or "individuell plan" in words:
                assert END not in outcome.goto, (one.id, outcome.label)
                assert all(target in model.exits for target in outcome.goto)


def test_bti_contact_person_answers_for_the_minutes_not_whole_steps(
    models: dict[str, Model],
) -> None:
    bti = models["bti-fem-steg"]
    for planning in ("n1-skap-felles-forstaelse", "n2-planlegg-tiltak", "n3-planlegge-tiltak"):
        assert step(bti, planning).deadline is None and step(bti, planning).responsible == ()
    for evaluation in ("n1-evaluer-tiltak", "n2-evaluer-tiltak", "n3-evaluer-tiltak"):
        assert step(bti, evaluation).deadline == "bør skje innen 4 uker"
        assert step(bti, evaluation).responsible == ()
    assert step(bti, "n3-etabler-kontakt").responsible == ("kontaktperson",)
    assert step(bti, "n3-iverksett-koordinerte-tiltak").responsible == (
        "kontaktperson",
        "koordinator",
    )
    assert step(bti, "n0-avklar-behov").question == "Grunn til videre oppfølging?"


def test_samarbeidsmodellen_levels_describe_and_do_not_chain(models: dict[str, Model]) -> None:
    samarbeid = models["samarbeidsmodellen"]
    levels = samarbeid.level_index
    assert all(levels[f"niva-{n}"].next == () for n in (1, 2, 3))
    assert step(samarbeid, "t6-stafettlogg").next == ("niva-1",)
    assert step(samarbeid, "t4-snakk").tools == ("den-nodvendige-samtalen",)
