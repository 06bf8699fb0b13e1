"""A template from the library as a page section: marked as the tool's template, fillable,
printable, and storing nothing.

Fields are plain HTML with every text escaped (`html_text`); guidance is safe Markdown.
There is no `<form>` element, so nothing can be submitted: not by a button, not by Enter.
`theme/assets/hv/skjema.js` copies what is typed into print-only blocks, so print shows
every word of a long text, and empty fields print as lines to write on.
"""

from __future__ import annotations

from ..laws import LAWS, citation, lovdata_url
from ..markup import html_text, indent, md_link, quoted, safe_inline, safe_markdown
from ..template_library import NOTICE, Template, TemplateField, load_template
from .blocks import link_list
from .context import PageContext


def template_block(ctx: PageContext, template_id: str, omit: tuple[str, ...]) -> list[str]:
    """The whole template: its marking, the «lagres ikke» line, print button and sections."""
    words = ctx.words
    template = load_template(template_id, ctx.model.language)
    out = [*marking(ctx, template), ""]
    out += [f'<p class="hv-lagres-ikke"><strong>{html_text(words["not_stored"])}</strong></p>', ""]
    out += [
        '<p class="hv-knapper"><button type="button" class="md-button md-button--primary" '
        f"data-hv-print>{html_text(words['print'])}</button></p>",
        "",
    ]
    prefix = ctx.id_prefix
    title = f"## {safe_inline(template.title)} {{#{prefix}mal}}"
    out += [title, "", safe_markdown(template.intro), ""]
    for section in template.sections:
        if section.id in omit:
            continue
        out += [f"### {safe_inline(section.title)} {{#{prefix}mal-{section.id}}}", ""]
        if section.help:
            out += [f'<p class="hv-hjelp">{html_text(section.help)}</p>', ""]
        if section.text:
            out += [safe_markdown(section.text), ""]
        shown = [f for f in section.fields if f.id not in omit]
        if shown:
            out += ['<div class="hv-felter">', *(line for f in shown for line in field(ctx, f))]
            out += ["</div>", ""]
    out += link_list(words["template_links"], [(x.title, x.url, "") for x in template.links])
    return out + link_list(
        words["template_sources"], [(x.title, x.url, "") for x in template.sources]
    )


def marking(ctx: PageContext, template: Template) -> list[str]:
    """The box that says whose text this is: the tool's template, its kind and version."""
    words = ctx.words
    lines = [
        NOTICE[template.language],
        "",
        f"{words['template_kind']}: {words['kind_' + template.kind]} · "
        f"{words['template_version']} {safe_inline(template.version)}",
    ]
    if template.legal:
        refs = ", ".join(
            md_link(
                safe_inline(citation(LAWS[ref.law], ref.section, template.language)),
                lovdata_url(LAWS[ref.law], ref.section),
            )
            for ref in template.legal
        )
        lines[-1] += f" · {words['legal']}: {refs}"
    body = indent("\n".join(lines))
    return [f'!!! info "{quoted(words["template_heading"])}"', "", body, ""]


def field(ctx: PageContext, spec: TemplateField) -> list[str]:
    """One field as HTML: a visible label, its help, the control and its print copy."""
    ident = f"{ctx.id_prefix}felt-{spec.id}"
    name = f"{ctx.id_prefix}{spec.id}"
    helper = f"{ident}-hjelp"
    help_html = f'<p class="hv-hjelp" id="{helper}">{html_text(spec.help)}</p>' if spec.help else ""
    described = f' aria-describedby="{helper}"' if spec.help else ""
    label = html_text(spec.label)
    if spec.type in ("text", "date", "long_text"):
        if spec.type == "long_text":
            control = (
                f'<textarea id="{ident}" name="{name}" rows="5" autocomplete="off"'
                f"{described}></textarea>"
            )
        else:
            kind = "date" if spec.type == "date" else "text"
            control = (
                f'<input type="{kind}" id="{ident}" name="{name}" autocomplete="off"{described}>'
            )
        size = " hv-utskrift--lang" if spec.type == "long_text" else ""
        return [
            f'<div class="hv-felt hv-felt--{spec.type}">',
            f'<label for="{ident}">{label}</label>',
            *([help_html] if help_html else []),
            control,
            f'<div class="hv-utskrift{size}" data-hv-speil="{ident}" aria-hidden="true"></div>',
            "</div>",
        ]
    if spec.type in ("yes_no", "choice"):
        options = (ctx.words["yes"], ctx.words["no"]) if spec.type == "yes_no" else spec.choices
        kind = "checkbox" if spec.multiple else "radio"
        items = [
            f'<label class="hv-valg"><input type="{kind}" name="{name}" value="{n}"> '
            f"{html_text(option)}</label>"
            for n, option in enumerate(options, start=1)
        ]
        return [
            f'<fieldset class="hv-felt hv-felt--{spec.type}" id="{ident}"{described}>',
            f"<legend>{label}</legend>",
            *([help_html] if help_html else []),
            *items,
            "</fieldset>",
        ]
    if spec.type == "signature":
        return [
            '<div class="hv-felt hv-felt--signature">',
            f'<p class="hv-etikett" id="{ident}">{label}</p>',
            *([help_html] if help_html else []),
            '<div class="hv-signaturlinje"></div>',
            f'<p class="hv-hjelp">{html_text(ctx.words["signature_help"])}</p>',
            "</div>",
        ]
    return table(ctx, spec, ident, help_html)


def table(ctx: PageContext, spec: TemplateField, ident: str, help_html: str) -> list[str]:
    """A table of empty rows: one text field per cell, named by its column and row."""
    heads = "".join(f'<th scope="col">{html_text(c)}</th>' for c in spec.columns)
    rows = []
    for row in range(1, spec.rows + 1):
        cells = []
        for col, column in enumerate(spec.columns, start=1):
            cell = f"{ident}-{row}-{col}"
            name = html_text(f"{column}, {ctx.words['row']} {row}")
            cells.append(
                f'<td><input type="text" id="{cell}" aria-label="{name}" autocomplete="off">'
                f'<div class="hv-utskrift" data-hv-speil="{cell}" aria-hidden="true"></div></td>'
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return [
        '<div class="hv-felt hv-felt--table">',
        *([help_html] if help_html else []),
        f'<table class="hv-tabell" id="{ident}">',
        f"<caption>{html_text(spec.label)}</caption>",
        f"<thead><tr>{heads}</tr></thead>",
        f"<tbody>{''.join(rows)}</tbody>",
        "</table>",
        "</div>",
    ]
