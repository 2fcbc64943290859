"""The hours the activities take from a post cannot exceed the post: Rum for Liv's boligsocial
medarbejder is given 38 hours a week across activities, of a 37-hour post (rum-for-liv-2012,
the boxes of section 5 added up). Over-booked staff means some activity will not get the time the plan promises.
For each post (`rolle` in organisation.medarbejdere) the `timer_pr_uge` of every activity's
medarbejderressourcer with that rolle are added and compared with the post's `timer_pr_uge`
(several posts with one rolle count together). Equal is fine. A range (format 1.1
`timer_pr_uge: "1-2"`) counts with its upper bound and is shown as written. The plan's own
arithmetic (basis format), a warning.

Dansk:
De timer, aktiviteterne bruger af en stilling, kan ikke overstige stillingen: Rum for Livs
boligsociale medarbejder får 38 timer om ugen på tværs af aktiviteterne, af en stilling på 37
timer (rum-for-liv-2012, boksene i afsnit 5
lagt sammen). Overbookede medarbejdere betyder, at en aktivitet ikke
får den tid, planen lover. For hver stilling lægges aktiviteternes `timer_pr_uge` for den rolle
sammen og sammenlignes med stillingens `timer_pr_uge`. Lige op går. Et interval (format 1.1
`timer_pr_uge: "1-2"`) tæller med sin øvre grænse og vises, som det er skrevet. Planens egen
regning (grundlag format), en advarsel.
"""

from planlint import Example, HourRange, join, number, rule, upper_hours


def _hours(value, lang: str) -> str:
    if isinstance(value, HourRange):  # 1.1 "1-2": shown as written, summed by its upper bound
        return value.text(lang)
    return number(value, lang, 0 if float(value).is_integer() else 1)


@rule(
    code="LBF014",
    severity="warning",
    basis="format",
    title=("Aktiviteterne bruger flere timer, end stillingen har", "Activities use more hours than the post has"),
    sources=(
        ("rum-for-liv-2012", "5 Indsatsområder: the boligsocial medarbejder's hours add up to 38 of a "
         "37-hour post (5.3.1 Arrangementer and the other boxes)"),
    ),
    bad=Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: 30"),
    good=Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: 37"),
)
def check(plan, ctx):
    org = plan.organisation
    posts: dict[str, list] = {}
    for post in (org.staff or []) if org else []:
        if post.role and post.hours_per_week is not None:
            posts.setdefault(post.role, []).append(post)
    for role, role_posts in posts.items():
        available = sum(post.hours_per_week for post in role_posts)
        used = [(activity, resource.hours_per_week) for _, activity in plan.activities()
                for resource in activity.staff or []
                if resource.role == role and resource.hours_per_week is not None]
        booked = sum(upper_hours(hours) for _, hours in used)
        if booked <= available:
            continue
        uses_da = join([f"{a.label} ({_hours(h, 'da')} t)" for a, h in used], "da", limit=3)
        uses_en = join([f"{a.label} ({_hours(h, 'en')} h)" for a, h in used], "en", limit=3)
        yield ctx.finding(role_posts[0], "timer_pr_uge",
                          da=f"Stillingen {role} har {_hours(available, 'da')} timer om ugen, men aktiviteterne "
                             f"bruger {_hours(booked, 'da')}: {uses_da}. Skær aktiviteternes timer ned med "
                             f"{_hours(booked - available, 'da')}, eller udvid stillingen.",
                          en=f"The post {role} has {_hours(available, 'en')} hours a week, but the activities use "
                             f"{_hours(booked, 'en')}: {uses_en}. Cut the activities' hours by "
                             f"{_hours(booked - available, 'en')}, or enlarge the post.")
