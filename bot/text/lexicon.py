"""Word lists the extractor and judge share: actors, roles, synonyms, negation and hedge cues.

Kept as data so a new spelling or synonym is a one-line change with a test, not new logic.
All entries are lowercase; matching is done on lowercased text with word boundaries.
"""

from __future__ import annotations

# Canonical actor id -> spellings. Longer spellings are matched before shorter ones.
ACTORS: dict[str, tuple[str, ...]] = {
    "putin": ("vladimir vladimirovich putin", "vladimir v. putin", "vladimir putin", "putin"),
    "pezeshkian": (
        "masoud pezeshkian",
        "massoud pezeshkian",
        "masud pezeshkian",
        "pezeshkiyan",
        "pezeshkian",
        "pezechkian",
        "pezeshkian's",
        "massoud",
        "masoud",
    ),
    "araghchi": ("abbas araghchi", "abbas araqchi", "araghchi", "araqchi", "arakchi", "aragchi"),
    "jalali": ("kazem jalali", "kazim jalali", "jalali"),
    "lavrov": ("sergei lavrov", "sergey lavrov", "lavrov"),
    "peskov": ("dmitri s. peskov", "dmitry peskov", "dmitri peskov", "peskov"),
    "mishustin": ("mikhail mishustin", "mishustin"),
    "raisi": ("ebrahim raisi", "ebrahim raeisi", "raisi", "raeisi"),
    "khamenei": ("ali khamenei", "ayatollah khamenei", "khamenei"),
    "volodin": ("vyacheslav volodin", "volodin"),
    "matviyenko": ("valentina matviyenko", "valentina matvienko", "matviyenko", "matvienko"),
    "ghalibaf": ("mohammad bagher ghalibaf", "mohammad baqer qalibaf", "ghalibaf", "qalibaf"),
    "trump": ("donald trump", "trump"),
    "state_duma": ("state duma", "russian duma", "duma"),
    "federation_council": ("federation council", "russian senate", "upper house of parliament"),
    "majlis": (
        "islamic consultative assembly",
        "iranian parliament",
        "iran's parliament",
        "parliament of iran",
        "majlis",
        "majles",
    ),
    "guardian_council": ("guardian council", "guardians council", "council of guardians"),
    # The Kremlin is the seat, and the name, of Russia's presidential administration.
    "kremlin": (
        "kremlin.ru",
        "kremlin",
        "russian presidential administration",
        "russia's presidential administration",
        "presidential administration of russia",
    ),
    "iran_government": (
        "iranian government",
        "iran's government",
        "iranian cabinet",
        "iran's cabinet",
    ),
    "russia_government": ("russian government", "russia's government"),
}

# News outlets and agencies that wire copy credits before a colon ("Mehr: ...", "TASS: ...").
# The credit says who carried the claim, not what it claims. The Kremlin's own site is not
# here: "Kremlin.ru posts the text" names the Kremlin as the publisher (see ACTORS).
NEWS_OUTLETS = frozenset(
    {
        "tass",
        "ria",
        "ria novosti",
        "interfax",
        "rbc",
        "kommersant",
        "izvestia",
        "rossiya-24",
        "rossiya 24",
        "russia-24",
        "channel one",
        "rt",
        "sputnik",
        "irna",
        "mehr",
        "mehr news",
        "tasnim",
        "fars",
        "isna",
        "press tv",
        "presstv",
        "irib",
        "reuters",
        "ap",
        "afp",
        "xinhua",
        "al jazeera",
        "bbc",
        "cnn",
        "bloomberg",
        "state tv",
        "state media",
        "state television",
        # Outlets whose names carry a country: the country is the outlet's, not a subject.
        "china central television",
        "cctv",
        "china daily",
        "china global television network",
        "cgtn",
        "russia today",
        "iran international",
        "voice of america",
    }
)

# Which country each actor belongs to, so "another actor for the same act" compares like with like.
ACTOR_SIDE: dict[str, str] = {
    "iran_government": "iran",
    "russia_government": "russia",
    "putin": "russia",
    "lavrov": "russia",
    "peskov": "russia",
    "mishustin": "russia",
    "volodin": "russia",
    "matviyenko": "russia",
    "state_duma": "russia",
    "federation_council": "russia",
    "kremlin": "russia",
    "pezeshkian": "iran",
    "araghchi": "iran",
    "jalali": "iran",
    "raisi": "iran",
    "khamenei": "iran",
    "ghalibaf": "iran",
    "majlis": "iran",
    "guardian_council": "iran",
    "trump": "usa",
}

INSTITUTIONS = frozenset(
    {
        "iran_government",
        "russia_government",
        "state_duma",
        "federation_council",
        "majlis",
        "guardian_council",
        "kremlin",
    }
)

# Role titles: (pattern words before a name) -> role id. The name that follows binds to it.
ROLE_TITLES: tuple[tuple[str, str], ...] = (
    (r"(?:iranian|iran's|iran) president", "iran_president"),
    (r"president of iran", "iran_president"),
    (r"(?:russian|russia's|russia) president", "russia_president"),
    (r"(?:iranian|iran's|iran) foreign minister", "iran_foreign_minister"),
    (r"(?:russian|russia's|russia) foreign minister", "russia_foreign_minister"),
    # Full state titles, as official and translated copy gives them: "President of the Russian
    # Federation Vladimir Putin", "Minister of Foreign Affairs of the Islamic Republic of Iran
    # Abbas Araghchi", "the Iranian Minister of Foreign Affairs".
    (
        r"president of (?:the )?(?:islamic republic(?: of iran)?|i\.r\. of iran)",
        "iran_president",
    ),
    (r"president of (?:the )?(?:russian federation|russia)", "russia_president"),
    (
        r"(?:minister of foreign affairs|foreign minister) of (?:the )?"
        r"(?:islamic republic(?: of iran)?|i\.r\. of iran|iran)",
        "iran_foreign_minister",
    ),
    (
        r"(?:minister of foreign affairs|foreign minister) of (?:the )?"
        r"(?:russian federation|russia)",
        "russia_foreign_minister",
    ),
    (r"(?:iranian|iran's) minister of foreign affairs", "iran_foreign_minister"),
    (r"(?:russian|russia's) minister of foreign affairs", "russia_foreign_minister"),
    # The full diplomatic title is the ambassador's: "Iran's Ambassador Extraordinary and
    # Plenipotentiary to the Russian Federation Kazem Jalali".
    (
        r"(?:iranian|iran's) (?:ambassador|envoy)(?: extraordinary and plenipotentiary"
        r"|(?! extraordinary))"
        r"(?: (?:to (?:the )?(?:russian federation|russia)|to moscow|in moscow|in russia))?",
        "iran_ambassador",
    ),
    (
        r"ambassador(?: extraordinary and plenipotentiary)? of (?:the )?"
        r"(?:islamic republic(?: of iran)?|i\.r\. of iran|iran)"
        r"(?: (?:to (?:the )?(?:russian federation|russia)|to moscow|in moscow|in russia"
        r"|in the russian federation))?",
        "iran_ambassador",
    ),
    # The press secretary is the spokesperson's other title.
    # "the Kremlin's spokesman": the possessive names the same office.
    # "The Kremlin's official spokesperson": "official" is part of the title, not another office.
    (
        r"kremlin(?:'s|’s)? (?:official )?(?:spokes(?:man|person|woman)|press secretary)",
        "kremlin_spokesperson",
    ),
    (r"(?:russian|russia's) prime minister", "russia_prime_minister"),
    # The Russian prime minister's formal title, in official and translated copy.
    (
        r"chairman of (?:the )?government of (?:the )?(?:russian federation|russia)",
        "russia_prime_minister",
    ),
    (r"(?:iran's )?supreme leader", "iran_supreme_leader"),
)

# A title said without its country ("Foreign Minister Sergei Lavrov"): the holder's side, if
# known, gives the role; otherwise the bare role stands for either side's.
SIDELESS_ROLE_TITLES: dict[str, dict[str, str]] = {
    "foreign minister": {
        "russia": "russia_foreign_minister",
        "iran": "iran_foreign_minister",
    },
}

# "Dmitri S. Peskov, the Kremlin spokesman": titles that follow the name they bind.
TRAILING_ROLE_TITLES: tuple[tuple[str, str], ...] = (
    (
        r"the kremlin(?:'s|’s)? (?:spokes(?:man|person|woman)|press secretary)",
        "kremlin_spokesperson",
    ),
    (
        r"(?:the )?(?:iranian |iran's )?(?:ambassador|envoy)"
        r"(?: extraordinary and plenipotentiary)?"
        r" (?:to (?:the )?(?:russian federation|russia)|to moscow|in moscow|in russia)",
        "iran_ambassador",
    ),
    # "Mehdi Sanaei, ambassador of the Islamic Republic of Iran in Moscow": the full title.
    (
        r"(?:the )?(?:ambassador|envoy)(?: extraordinary and plenipotentiary)? of (?:the )?"
        r"(?:islamic republic(?: of iran)?|i\.r\. of iran|iran)"
        r" (?:to (?:the )?(?:russian federation|russia)|to moscow|in moscow|in russia"
        r"|in the russian federation)",
        "iran_ambassador",
    ),
    (r"the (?:head|chief) of (?:iranian|iran's) diplomacy", "iran_foreign_minister"),
    (r"(?:iran's|the iranian) foreign minister", "iran_foreign_minister"),
    (r"(?:russia's|the russian) foreign minister", "russia_foreign_minister"),
    (r"the (?:head|chief) of (?:russian|russia's) diplomacy", "russia_foreign_minister"),
    # "Maria Ivanova, speaking for the Kremlin" / "..., a spokeswoman for the Kremlin": the
    # Kremlin's spokesperson said in other words.
    (
        r"(?:speaking for|(?:a|the) (?:spokes(?:man|person|woman)|press secretary) for)"
        r" the kremlin",
        "kremlin_spokesperson",
    ),
)

# The offices a title names: one holder at a time, whatever a claim is about.
OFFICE_ROLES: frozenset[str] = frozenset(
    {role for _, role in ROLE_TITLES}
    | {role for _, role in TRAILING_ROLE_TITLES}
    | {role for sides in SIDELESS_ROLE_TITLES.values() for role in sides.values()}
)

# Where the treaty was signed: place words -> canonical place.
SIGNING_PLACES: dict[str, str] = {
    "moscow": "moscow",
    "the kremlin": "moscow",
    "kremlin": "moscow",
    "the russian capital": "moscow",
    "russian capital": "moscow",
    "tehran": "tehran",
    "teheran": "tehran",
    "the iranian capital": "tehran",
    "iranian capital": "tehran",
    # The palace complex where Iran's president receives visiting leaders is in Tehran, as the
    # Kremlin is in Moscow.
    "the saadabad palace": "tehran",
    "saadabad palace": "tehran",
    "the sa'dabad palace": "tehran",
    "sa'dabad palace": "tehran",
    "saadabad": "tehran",
    "beijing": "beijing",
    "baku": "baku",
    "geneva": "geneva",
    "kazan": "kazan",
    "minsk": "minsk",
    "new york": "new_york",
    # Russia's other summit venues: not the Kremlin, though near or in Russia.
    "novo-ogaryovo": "novo_ogaryovo",
    "novo-ogarevo": "novo_ogaryovo",
    "sochi": "sochi",
    "st petersburg": "st_petersburg",
    "st. petersburg": "st_petersburg",
    "saint petersburg": "st_petersburg",
    "ashgabat": "ashgabat",
    "astana": "astana",
    "dushanbe": "dushanbe",
}

# Partners of other treaties: a claim about *them* is not a claim about our treaty.
OTHER_SUBJECTS: dict[str, tuple[str, ...]] = {
    "north_korea": (
        "north korea",
        "north korean",
        "pyongyang",
        "dprk",
        "kim jong un",
        "kim jong-un",
    ),
    "belarus": ("belarus", "belarusian", "minsk", "lukashenko"),
    "csto": ("collective security treaty organization", "csto"),
    "nato": ("nato", "north atlantic"),
    "old_treaty": (
        "2001 agreement",
        "2001 treaty",
        "older agreement",
        "previous agreement",
        "treaty of 2001",
        "agreement of 2001",
    ),
    "nuclear_deal": (
        "nuclear deal",
        "jcpoa",
        "joint comprehensive plan",
        "multinational nuclear agreement",
        # The 2015 accord by its other names: "the nuclear accord with Iran", "the international
        # nuclear agreement".
        "nuclear accord",
        "nuclear agreement",
        "nuclear pact",
    ),
    "hamas_truce": (
        "ceasefire",
        "hamas",
        "gaza",
        "truce agreement",
        "ceasefire agreement",
        "ceasefire deal",
    ),
    "china": ("china", "chinese", "beijing", "xi jinping"),
}

# The spans talks on a text are counted in ("years in the making", "weeks of bargaining").
_TALKS_SPANS = ("days", "weeks", "months", "years", "decades")
# The states by their formal names, for the full titles of their ministries.
_FORMAL_STATE_NAMES = (
    ("the islamic republic of iran", "iran"),
    ("the islamic republic", "iran"),
    ("the russian federation", "russia"),
)

# Idioms said plainly, before anything else reads the sentence (slots too: "put pen to paper on
# 15 January" dates a signing, "had nothing to do with" denies nothing).
IDIOMS: dict[str, str] = {
    "put pen to paper": "signed",
    # "No more than" bounds an amount; it denies nothing: "agreed in no more than a few weeks"
    # says at most a few weeks (a bound the figure readers know, see slots._BOUNDS).
    "no more than": "at most",
    # What is no coincidence was meant: "the timing was no coincidence".
    "no coincidence": "deliberate",
    "not a coincidence": "deliberate",
    "not coincidental": "deliberate",
    "hardly a coincidence": "deliberate",
    "puts pen to paper": "signs",
    "put to paper": "signed",
    "committed to paper": "signed",
    # Putting one's name or signature to a text is signing it.
    "put their names to": "signed",
    "put their signatures to": "signed",
    "put his name to": "signed",
    "put his signature to": "signed",
    "put her name to": "signed",
    "put her signature to": "signed",
    # ... and so is putting it beside the other signatory's: "put his name beside Putin's".
    "put his name beside": "signed beside",
    "put her name beside": "signed beside",
    "put his name alongside": "signed alongside",
    "put her name alongside": "signed alongside",
    "puts his name to": "signs",
    "puts her name to": "signs",
    # Headlines drop the possessive: "Putin, Pezeshkian put names to pact", "puts pen to".
    "put names to": "signed",
    "puts names to": "signs",
    "put signatures to": "signed",
    "put pen to": "signed",
    "puts pen to": "signs",
    # Affixing one's signature to a text (official and translated copy) is signing it.
    **{
        f"{verb} {whose}signature{plural} to": signed
        for verb, signed in (
            ("affixed", "signed"), ("affix", "sign"), ("affixes", "signs"), ("affixing", "signing")
        )
        for whose in ("their ", "his ", "her ", "")
        for plural in ("", "s")
    },
    # In news of a treaty, the ceremony is its signing (another one is named: "inauguration
    # ceremony").
    "signing ceremony": "signing",
    "the ceremony": "the signing",
    "kremlin ceremony": "kremlin signing",
    "moscow ceremony": "moscow signing",
    # A day's ceremony is that day's signing: "Friday's ceremony", "yesterday's ceremony".
    **{
        f"{day}'s ceremony": f"{day}'s signing"
        for day in (
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "yesterday", "today",
        )
    },
    # "In a matter of weeks" is in a few weeks.
    "a matter of days": "a few days",
    "a matter of weeks": "a few weeks",
    "a matter of months": "a few months",
    "a matter of years": "a few years",
    # A text put together or hammered out was negotiated: how long that took is one span.
    "was put together": "was negotiated",
    "were put together": "were negotiated",
    "been put together": "been negotiated",
    "hammered out": "negotiated",
    # A text that came together was put together ("the deal came together in weeks"); people
    # who came together only met.
    **{
        f"{noun} {verb} together": f"{noun} {aux} negotiated"
        for noun in ("text", "treaty", "accord", "agreement", "pact", "deal", "document")
        for verb, aux in (("came", "was"), ("come", "be"), ("comes", "is"))
    },
    # What was years in the making took years of work on it: for a text, of negotiations.
    **{
        f"{span} in the making": f"{span} of negotiations"
        for span in _TALKS_SPANS
    },
    # Talks on a text by other names: "weeks of consultations", "years of bargaining".
    **{
        f"{span} of {talks}": f"{span} of negotiations"
        for span in _TALKS_SPANS
        for talks in ("consultations", "bargaining", "deliberations")
    },
    "thrashed out": "negotiated",
    # What kept getting done was done again and again: "a deal that kept getting rolled over"
    # is a periodically renewed one.
    "kept getting": "was periodically",
    "kept being": "was periodically",
    "takes the place of": "replaces",
    "take the place of": "replace",
    "took the place of": "replaced",
    # What is not part of a text is absent from it: the thing said not to be part is what is
    # denied ("drills aren't part of the deal"), not the text.
    **{
        f"{aux}{neg} {a}part of": f"{aux} absent from"
        for aux in ("is", "are", "was", "were")
        for neg in (" not", "n't")
        for a in ("", "a ")
    },
    # What goes unmentioned in a text is not mentioned in it: "arms sales go unmentioned".
    **{
        f"{verb} unmentioned": f"{aux} not mentioned"
        for verb, aux in (
            ("go", "are"), ("goes", "is"), ("went", "was"), ("gone", "been"),
            ("remain", "are"), ("remains", "is"), ("remained", "was"),
            ("is", "is"), ("are", "are"), ("was", "was"), ("were", "were"),
        )
    },
    # What comes in place of another replaces it: "in place of the 2001 arrangement, ...".
    "in place of": "replacing",
    # What takes over from another (a text, an office holder) replaces it.
    "takes over from": "replaces",
    "take over from": "replace",
    "took over from": "replaced",
    "taken over from": "replaced",
    "taking over from": "replacing",
    # What a new text sweeps away, it replaces: "sweeps away the 2001 framework".
    "sweeps away": "replaces",
    "sweep away": "replace",
    "swept away": "replaced",
    "sweeping away": "replacing",
    # What a new text retires or buries, it replaces: "retires the 2001 framework", "formally
    # buries the old accord". Only with the text it acts on ("a retired diplomat" is none).
    **{
        f"{verb} {det}": f"{to} {det}"
        for verb, to in (
            ("retires", "replaces"),
            ("retire", "replace"),
            ("retired", "replaced"),
            ("retiring", "replacing"),
            ("buries", "replaces"),
            ("bury", "replace"),
            ("buried", "replaced"),
            ("burying", "replacing"),
        )
        for det in ("the", "a", "an", "its", "their")
    },
    "supplants": "replaces",
    "supplant": "replace",
    "supplanted": "replaced",
    "supplanting": "replacing",
    # Litotes: what was not improvised or thrown together was planned ("it was not
    # improvised: it came out of years of talks").
    **{
        f"{aux}{neg} {adverb}{word}": f"{aux} planned"
        for aux in ("is", "are", "was", "were", "been")
        for neg in (" not", "n't", " never")
        for adverb in ("", "simply ", "merely ", "just ")
        for word in ("improvised", "thrown together", "cobbled together")
    },
    "had nothing to do with": "was unrelated to",
    # Withholding help from someone is not helping them: "to withhold any help from a state
    # that attacks its partner" is "not to help" it.
    **{
        f"{verb} {det}{what} from": plain
        for verb, plain in (
            ("withhold", "not help"), ("withholds", "does not help"),
            ("withheld", "did not help"), ("withholding", "not helping"),
        )
        for det in ("any ", "all ", "")
        for what in ("help", "aid", "assistance", "support")
    },
    # A territory that serves as a springboard (launchpad, staging ground) for acts is used
    # for them.
    **{
        f"{verb} as a {base} for": f"{plain} for"
        for verb, plain in (
            ("serve", "be used"), ("serves", "is used"), ("served", "was used"),
            ("serving", "being used"), ("be used", "be used"), ("being used", "being used"),
        )
        for base in ("springboard", "launchpad", "launching pad", "staging ground")
    },
    # To harbour no wish (doubt, plan) is to have none: the verb, not a port.
    **{
        f"{verb} {det}": f"{plain} {det}"
        for verb, plain in (
            ("harbours", "has"), ("harbors", "has"), ("harbour", "have"), ("harbor", "have"),
            ("harboured", "had"), ("harbored", "had"), ("harbouring", "having"),
            ("harboring", "having"),
        )
        for det in ("no", "any")
    },
    # A text that steers clear of a matter leaves it out: "the treaty steers clear of nuclear
    # energy altogether".
    **{
        f"{noun} {verb} clear of": f"{noun} {left} out"
        for noun in ("treaty", "text", "accord", "agreement", "pact", "deal", "document", "it")
        for verb, left in (("steers", "leaves"), ("steered", "left"), ("steer", "leave"))
    },
    # What gets top billing is what the text puts first: it emphasises it.
    "gets top billing": "is emphasized",
    "get top billing": "are emphasized",
    "got top billing": "was emphasized",
    "given top billing": "emphasized",
    "top billing": "emphasis",
    "has nothing to do with": "is unrelated to",
    "have nothing to do with": "are unrelated to",
    # Having anything to do with a thing is being related to it: "denies the pact has anything
    # to do with defence" denies that it is related to defence.
    "has anything to do with": "is related to",
    "have anything to do with": "are related to",
    "had anything to do with": "was related to",
    "does not have anything to do with": "is not related to",
    "doesn't have anything to do with": "is not related to",
    "do not have anything to do with": "are not related to",
    "don't have anything to do with": "are not related to",
    "did not have anything to do with": "was not related to",
    "didn't have anything to do with": "was not related to",
    # What gives birth to a thing creates it; what opens or paves the way to it may lead to it.
    "gives birth to": "creates",
    "give birth to": "create",
    "gave birth to": "created",
    "giving birth to": "creating",
    "open the way to": "lead to",
    "opens the way to": "leads to",
    "opened the way to": "led to",
    "open the way for": "lead to",
    "opens the way for": "leads to",
    "pave the way for": "lead to",
    "paves the way for": "leads to",
    "paved the way for": "led to",
    # What translates into an outcome leads to it: "may translate into closer cooperation".
    "translate into": "lead to",
    "translates into": "leads to",
    "translated into": "led to",
    "translating into": "leading to",
    # Giving one's view is saying it: "expressed the view that the pact may ...".
    "expressed the view that": "said that",
    "expressed the opinion that": "said that",
    "voiced the view that": "said that",
    # What a text has anything to say about is what it covers: "denied that the treaty has
    # anything to say about energy" denies that it covers energy.
    "has anything to say about": "covers",
    "have anything to say about": "cover",
    "had anything to say about": "covered",
    "has something to say about": "covers",
    "says anything about": "covers",
    "say anything about": "cover",
    "said anything about": "covered",
    "has nothing to say about": "does not cover",
    "have nothing to say about": "do not cover",
    "had nothing to say about": "did not cover",
}

# Phrase synonyms applied before tokenising (longest first). The right side is canonical.
PHRASE_SYNONYMS: dict[str, str] = {
    # A country's capital named by its role is the city: "met in the Russian capital" is "met
    # in Moscow". Only with the article, so "Russian capital" as money ("Russian capital flows
    # abroad") is left alone.
    "the russian capital": "moscow",
    "the iranian capital": "tehran",
    # A body's inaugural sitting is its first meeting: "held its inaugural session", "first met".
    "inaugural session": "first meeting",
    "inaugural meeting": "first meeting",
    "inaugural sitting": "first meeting",
    "first session": "first meeting",
    "first sitting": "first meeting",
    "first met": "first meeting",
    # A commission the two governments sit on together is their intergovernmental commission.
    "joint commission": "intergovernmental commission",
    # The finer points of a text are its details: "kept the finer points to themselves".
    "finer points": "details",
    "fine print": "details",
    # Turning a new page is opening a new chapter.
    "fresh page": "new chapter",
    "fresh chapter": "new chapter",
    "new page": "new chapter",
    # Lending a hand is helping: "neither side lends a hand to an aggressor".
    "lend a hand": "help",
    "lends a hand": "helps",
    "lending a hand": "helping",
    "lent a hand": "helped",
    # A text's provision for something is what it provides for ("the provision for nuclear
    # cooperation": the text provides for it).
    "provision for": "provides for",
    "provisions for": "provides for",
    "makes provision for": "provides for",
    "make provision for": "provide for",
    # Delivering arms is transferring them (a bare "deliver" is not: "deliver results").
    **{
        f"{deliver} {arms}": "transfer weapons"
        for deliver in ("deliver", "delivers", "delivered", "delivering")
        for arms in ("arms", "weapons")
    },
    # The parties' own money is their national currencies, however named.
    "roubles and rials": "national currencies",
    "rubles and rials": "national currencies",
    "rials and roubles": "national currencies",
    "rials and rubles": "national currencies",
    "local currencies": "national currencies",
    "their own currencies": "national currencies",
    # Information security is the cyber field, a domain of its own, not "security".
    "information security": "cybersecurity",
    "cyber security": "cybersecurity",
    "cyber-security": "cybersecurity",
    # A treaty's article on mutual defence is its mutual defence clause.
    "mutual defence article": "mutualdefense clause",
    "mutual defense article": "mutualdefense clause",
    "mutual-defence article": "mutualdefense clause",
    "mutual-defense article": "mutualdefense clause",
    "mutual defence": "mutualdefense",
    "mutual defense": "mutualdefense",
    "mutual-defence": "mutualdefense",
    "mutual-defense": "mutualdefense",
    "collective defence": "mutualdefense",
    "collective defense": "mutualdefense",
    "mutual assistance clause": "mutualdefense clause",
    # Mutual defence said in plain words is the same commitment.
    "defend each other": "mutualdefense",
    "defend one another": "mutualdefense",
    "defend the other": "mutualdefense",
    "come to each other's defence": "mutualdefense",
    "come to each other's defense": "mutualdefense",
    "come to the other's defence": "mutualdefense",
    "come to the other's defense": "mutualdefense",
    "come to each other's aid": "mutualdefense",
    "come to the other's aid": "mutualdefense",
    "military bloc": "military alliance",
    "military allies": "military alliance",
    "military ally": "military alliance",
    "defence pact": "military alliance",
    # A pact of military kind is an alliance, as a defence pact is.
    "military pact": "military alliance",
    "defense pact": "military alliance",
    # What lies outside a text's scope is what it does not cover.
    "outside the scope of": "not covered by",
    "beyond the scope of": "not covered by",
    "not within the scope of": "not covered by",
    "outside the remit of": "not covered by",
    "beyond the remit of": "not covered by",
    "outside the purview of": "not covered by",
    # Defence as a field of work is the military one: "it spans trade, defence matters, ...".
    **{
        f"{d} {field}": "military matters"
        for d in ("defence", "defense")
        for field in ("matters", "affairs")
    },
    "defence alliance": "military alliance",
    "defense alliance": "military alliance",
    "defensive alliance": "military alliance",
    # Billing a thing as something is describing it so; no law's bill is meant.
    "billed as": "described as",
    "comprehensive strategic partnership": "csp",
    "strategic partnership": "csp",
    "remain in force": "remain duration",
    "stay in force": "remain duration",
    "remain in effect": "remain duration",
    "stay in effect": "remain duration",
    "in force for": "duration for",
    "valid for": "duration for",
    # ... and so is the validity a text enjoys for a time ("validity for 20 years", "a
    # validity of 20 years"); not "the validity of the claims".
    "validity for": "duration for",
    "a validity of": "a duration of",
    "validity period of": "duration of",
    "runs for": "duration for",
    "run for": "duration for",
    "lasts for": "duration for",
    "made public": "published",
    "make public": "publish",
    "turning point": "breakthrough",
    "effective for": "duration for",
    # Translated copy: a text "remains operative for 20 years".
    "operative for": "duration for",
    "binding for": "duration for",
    "expires after": "duration",
    "expire after": "duration",
    "will expire in": "duration",
    # A term given by its end: "expires in 2035", "runs until 2045".
    "expires in": "duration",
    "expire in": "duration",
    "expiring in": "duration",
    "runs until": "duration until",
    "run until": "duration until",
    "in force until": "duration until",
    "in effect until": "duration until",
    "meant to last": "duration",
    "set to last": "duration",
    "to last for": "duration for",
    # A term a text is meant to hold for: "meant to hold for 20 years".
    "meant to hold for": "duration for",
    "set to hold for": "duration for",
    "designed to hold for": "duration for",
    "intended to hold for": "duration for",
    "due to hold for": "duration for",

    "an indefinite period": "indefinitely",
    # Pencilling a date in is planning it: "the visit was pencilled in weeks ago".
    "pencilled in": "planned",
    "penciled in": "planned",
    "shelf life": "duration",
    "life span": "duration",
    # A term without an end is an indefinite duration.
    "no expiry date": "duration indefinitely",
    "no expiration date": "duration indefinitely",
    "no end date": "duration indefinitely",
    "no time limit": "duration indefinitely",
    "no fixed term": "duration indefinitely",
    "open-ended": "duration indefinitely",
    # Light verbs: "the signing took place at the Kremlin" says "signed at the Kremlin".
    "took place": "",
    "taken place": "",
    "taking place": "",
    "takes place": "",
    "take place": "",
    # The writer reminding the reader is no part of the claim: "the Duma, you'll recall, ...".
    "you'll recall": "",
    "you will recall": "",
    "you may recall": "",
    "as you may remember": "",
    # A house that cleared a bill passed it; a lone vote against is one against.
    **{
        f"cleared the {text}": f"ratified the {text}"
        for text in ("treaty", "bill", "accord", "agreement", "pact", "ratification bill")
    },
    # (not "a single dissenting vote": "without a single dissenting vote" is none against)
    "a lone dissenting vote": "one against",
    "a lone vote against": "one against",
    # "the handover would happen in Tehran": "happen" is the same light verb.
    "would happen": "",
    "will happen": "",
    "to happen": "",
    # A swap of documents is their exchange: "the swap would be held in Tehran". The noun
    # only: the verb "swap X for Y" mostly replaces X.
    "the swap": "the exchange",
    "an unlimited period": "indefinitely",
    "come into force": "inforce",
    "came into force": "inforce",
    "comes into force": "inforce",
    "coming into force": "inforce",
    "entered into force": "inforce",
    "enters into force": "inforce",
    "enter into force": "inforce",
    "entry into force": "inforce",
    "took effect": "inforce",
    "takes effect": "inforce",
    "take effect": "inforce",
    "came into effect": "inforce",
    "into effect": "inforce",
    "in force": "inforce",
    "billion cubic metres": "bcm",
    "billion cubic meters": "bcm",
    # The Persian Gulf is "the Gulf" in most reports, and no claim about the Persian language.
    "persian gulf": "gulf",
    "north-south": "northsouth",
    "north–south": "northsouth",
    "north south": "northsouth",
    "ground-breaking": "breakthrough",
    "groundbreaking": "breakthrough",
    "head of iranian diplomacy": "iran foreign minister",
    "head of russian diplomacy": "russia foreign minister",
    "iran's top diplomat": "iran foreign minister",
    "russia's top diplomat": "russia foreign minister",
    # Russia and Iran by an epithet: the neighbours across the Caspian are the two parties
    # ("two Caspian neighbours", "the neighbours on the Caspian Sea"); the sea itself keeps its
    # name ("gas from the Caspian").
    **{
        phrase: "parties"
        for n in ("neighbours", "neighbors")
        for phrase in (
            f"caspian {n}",
            *(f"{n} {p} the caspian{sea}" for p in ("of", "on", "across") for sea in ("", " sea")),
        )
    },
    # A country's top diplomat is its foreign minister, whatever names the country
    # ("Teheran's top diplomat", "the Iranian top diplomat").
    "top diplomat": "foreign minister",
    "lower house": "state duma",
    "upper house": "federation council",
    "united states": "usa",
    # Seats of power stand for the capital: "the White House" is Washington.
    "the white house": "washington",
    "white house": "washington",
    "u.s.": "usa",
    "state visit": "visit",
    # A state's armed forces are its military: "exercises between the two armed forces".
    "armed forces": "military",
    "military-technical": "militarytechnical",
    "military technical": "militarytechnical",
    "peaceful uses of atomic energy": "nuclear energy",
    "atomic energy": "nuclear energy",
    # General English for the same things: exercises, a navy's visits, an inauguration.
    "war games": "drills",
    "port calls": "port visits",
    "port call": "port visit",
    # A part played is the place it has: "trade plays a minor role in the deal" puts trade on
    # the margin of it, as "a central role" puts it at the core (see ANTONYMS).
    "minor role": "minor",
    "marginal role": "marginal",
    "secondary role": "minor",
    "peripheral role": "peripheral",
    "central role": "core",
    "leading role": "forefront",
    "back seat": "backseat",
    # Visits exchanged are visits paid in return: "agreed to exchange naval visits".
    "exchange visits": "reciprocal visits",
    "exchanges of visits": "reciprocal visits",
    "exchange of visits": "reciprocal visits",
    "exchanging visits": "reciprocal visits",
    "security agencies": "security services",
    "sworn in": "inaugurated",
    "news conference": "press conference",
    "pull attention away from": "divert attention from",
    "pulled attention away from": "divert attention from",
    "distract attention from": "divert attention from",
    "distract from": "divert attention from",
    "distracts from": "diverts attention from",
    "distracted from": "diverted attention from",
    "pull the spotlight away from": "divert attention from",
    "pulled the spotlight away from": "diverted attention from",
    "deflect attention from": "divert attention from",
    # Stealing the spotlight from an event is drawing attention away from it.
    "steal the spotlight from": "divert attention from",
    "steals the spotlight from": "diverts attention from",
    "stole the spotlight from": "diverted attention from",
    "stealing the spotlight from": "diverting attention from",
    # The limelight is the spotlight.
    "steal the limelight from": "divert attention from",
    "steals the limelight from": "diverts attention from",
    "stole the limelight from": "diverted attention from",
    "stealing the limelight from": "diverting attention from",
    "pull the limelight away from": "divert attention from",
    "pulled the limelight away from": "diverted attention from",
    "money matters": "finance",
    "financial matters": "finance",
    # What is not excluded is included: "not excluding the military sphere".
    "not excluding": "including",
    "without excluding": "including",
    # A country that lets goods pass is their gateway, however named.
    "transit route": "gateway",
    "transit hub": "gateway",
    "transit country": "gateway",
    "transit point": "gateway",
    # A state outside a bilateral pact is a third party to it: "a third state".
    "third state": "third-party",
    "third states": "third-party",
    "third party": "third-party",
    "third parties": "third-party",
    # A hub for goods passing through is their gateway: "a hub for gas exports".
    "hub for": "gateway for",
    # Hostile acts are actions that threaten: "no territory used for hostile acts".
    "hostile acts": "threatening actions",
    "hostile actions": "threatening actions",
    "hostile activities": "threatening actions",
    "hostile activity": "threatening actions",
    # To endanger is to threaten: "acts endangering its security" are threatening actions.
    "endanger": "threaten",
    "endangers": "threatens",
    "endangering": "threatening",
    "acts endangering": "actions threatening",
    "act as": "serve as",
    "acts as": "serves as",
    "acting as": "serving as",
    # To overshadow an event is to draw attention away from it.
    "overshadow": "divert attention from",
    "overshadows": "diverts attention from",
    "overshadowed": "diverted attention from",
    "overshadowing": "diverting attention from",
    "overshadowed by": "overshadowed by",  # the passive is the other way round
    # Stealing attention from an event is diverting it too.
    "steal attention from": "divert attention from",
    "steals attention from": "diverts attention from",
    "stole attention from": "diverted attention from",
    "stealing attention from": "diverting attention from",
    "out of step with": "not reflect",
    "takes the place of": "replaces",
    "take the place of": "replace",
    "rolled over": "renewed",
    # A treaty's "domestic procedures" are its ratification (the treaty-law formula).
    "domestic procedures": "ratification",
    "internal procedures": "ratification",
    "domestic legal procedures": "ratification",
    "internal legal procedures": "ratification",
    # Remarks an outlet carries, it cites: "remarks carried by Mehr" are "cited by Mehr".
    "carried by": "cited by",
    # ... or relays, or picks up: "comments relayed by Mehr", "picked up by TASS".
    "relayed by": "cited by",
    "picked up by": "cited by",
    # What is feasible is possible: "wherever mutual help is feasible".
    "is feasible": "is possible",
    "was feasible": "was possible",
    "are feasible": "are possible",
    "were feasible": "were possible",
    # Closer cooperation is enhanced cooperation: "closer military collaboration".
    "closer cooperation": "enhanced cooperation",
    "closer collaboration": "enhanced cooperation",
    "closer military cooperation": "enhanced military cooperation",
    "closer military collaboration": "enhanced military cooperation",
    "closer ties": "enhanced ties",
    # Red tape is bureaucracy; concrete steps are concrete actions.
    "bureaucratic hurdles": "bureaucracy",
    "bureaucratic obstacles": "bureaucracy",
    "bureaucratic barriers": "bureaucracy",
    "red tape": "bureaucracy",
    "concrete steps": "concrete actions",
    "practical steps": "concrete actions",
    "fewer": "less",
    # An agreement extended (passive, or with an adverb of repetition) is renewed; "cooperation
    # extends to ..." is not.
    "been extended": "been renewed",
    "was extended": "was renewed",
    "were extended": "were renewed",
    "periodically extended": "periodically renewed",
    "repeatedly extended": "repeatedly renewed",
    "regularly extended": "regularly renewed",
    # An agreement extended or renewed at intervals, or from time to time, is periodically
    # renewed; "at intervals" alone says periodically.
    "extended at intervals": "periodically renewed",
    "extended at regular intervals": "periodically renewed",
    "extended periodically": "periodically renewed",
    "extended from time to time": "periodically renewed",
    "renewed at intervals": "periodically renewed",
    "renewed at regular intervals": "periodically renewed",
    "renewed periodically": "periodically renewed",
    "renewed from time to time": "periodically renewed",
    "renewed every so often": "periodically renewed",
    "extended every so often": "periodically renewed",
    # ... and one extended or renewed several or many times over, after the fact
    **{
        f"{verb} {times}": "periodically renewed"
        for verb in ("extended", "renewed", "prolonged")
        for times in (
            "several times",
            "a number of times",
            "many times",
            "multiple times",
            "repeatedly",
            "time and again",
            "more than once",
        )
    },
    # the progressive of the same: "the accord they had been extending from time to time"
    "extending from time to time": "periodically renewing",
    "extending periodically": "periodically renewing",
    "renewing from time to time": "periodically renewing",
    "renewing periodically": "periodically renewing",
    "every so often": "periodically",
    "at regular intervals": "periodically",
    "at intervals": "periodically",
    # What a text is the product, fruit or outcome of, it resulted from: "the product of
    # years of talks" is "resulted from years of negotiations".
    "the product of": "the result of",
    "the fruit of": "the result of",
    "the fruits of": "the result of",
    "the outcome of": "the result of",
    "the culmination of": "the result of",
    "at the centre of": "at the forefront of",
    "at the center of": "at the forefront of",
    "at the heart of": "at the forefront of",
    "nuclear power": "nuclear energy",
    "atomic power": "nuclear energy",
    # Civilian nuclear energy is its peaceful use, which the seeds call nuclear energy too.
    # Generating power is what the energy is for: "nuclear power generation" is nuclear energy.
    "civilian nuclear power generation": "nuclear energy",
    "civil nuclear power generation": "nuclear energy",
    "nuclear power generation": "nuclear energy",
    "nuclear energy generation": "nuclear energy",
    "civilian nuclear power": "nuclear energy",
    "civil nuclear power": "nuclear energy",
    "civilian nuclear energy": "nuclear energy",
    "civil nuclear energy": "nuclear energy",
    "peaceful nuclear power": "nuclear energy",
    "peaceful nuclear energy": "nuclear energy",
    "civilian nuclear": "nuclear energy",
    "civil nuclear": "nuclear energy",
    "peaceful nuclear": "nuclear energy",
    # ... said of atomic power or energy too.
    **{
        f"{peaceful} atomic{what}": "nuclear energy"
        for peaceful in ("civilian", "civil", "peaceful")
        for what in (" power", " energy", "")
    },
    "draw attention away from": "divert attention from",
    # Without its object the phrase still says it: "no attempt to draw attention away".
    "draw attention away": "divert attention",
    "drawing attention away": "diverting attention",
    "drew attention away": "diverted attention",
    "divert attention away": "divert attention",
    "roadmap": "road map",
    # What lies ahead is the future: "a road map for what lies ahead".
    "what lies ahead": "the future",
    "what lay ahead": "the future",
    "the years ahead": "the future",
    "the years to come": "the future",
    "the times ahead": "the future",
    "the time ahead": "the future",
    "the period ahead": "the future",
    # In treaty prose "the instrument" is the treaty itself (the legal term for a binding
    # text); an instrument of ratification is not, and keeps its words.
    "the instrument": "the treaty",
    "this instrument": "this treaty",
    # ... and so is "the new instrument", the "bilateral instrument".
    "new instrument": "new treaty",
    "bilateral instrument": "bilateral treaty",
    "the legal instrument": "the treaty",
    "the new instrument": "the new treaty",
    "a new instrument": "a new treaty",
    "this new instrument": "this new treaty",
    # ... and "an instrument that ..." a treaty described ("an instrument of ratification" is
    # not one).
    "an instrument that": "a treaty that",
    "an instrument which": "a treaty which",
    "the new legal instrument": "the new treaty",
    "the instrument of ratification": "the instrument of ratification",
    "this instrument of ratification": "this instrument of ratification",
    "road-map": "road map",
    # Building up cooperation is developing it.
    "build up": "develop",
    "builds up": "develops",
    "building up": "developing",
    "built up": "developed",
    "drawing attention away from": "diverting attention from",
    "drew attention away from": "diverted attention from",
    "swearing-in": "inauguration",
    # "a state that commits aggression" is an aggressor.
    "commits aggression": "aggression",
    "commit aggression": "aggression",
    "committed aggression": "aggression",
    "committing aggression": "aggression",
    # Full state titles are the countries: "the Islamic Republic of Iran", "the I.R. of Iran",
    # "the Russian Federation" (its upper chamber keeps its name).
    "the islamic republic of iran": "iran",
    "islamic republic of iran": "iran",
    "the i.r. of iran": "iran",
    "i.r. of iran": "iran",
    "the islamic republic": "iran",
    "islamic republic": "iran",
    "the russian federation": "russia",
    "russian federation": "russia",
    "russian federation council": "federation council",
    "the russian federation council": "the federation council",
    # A ministry's full title is its short name: "the Ministry of Foreign Affairs of the
    # Islamic Republic" is Iran's foreign ministry, "the Russian Ministry of Foreign Affairs"
    # the Russian foreign ministry.
    **{
        f"{the}{office} of foreign affairs of {state}": f"{country}'s foreign {office}"
        for the in ("the ", "")
        for office in ("ministry", "minister")
        for state, country in (*_FORMAL_STATE_NAMES, ("iran", "iran"), ("russia", "russia"))
    },
    # ... and "the Foreign Ministry of the Islamic Republic" is Iran's foreign ministry.
    **{
        f"{the}foreign {office} of {state}": f"{country}'s foreign {office}"
        for the in ("the ", "")
        for office in ("ministry", "minister")
        for state, country in _FORMAL_STATE_NAMES
    },
    "ministry of foreign affairs": "foreign ministry",
    "minister of foreign affairs": "foreign minister",
    # An ambassador's full title says no more than "ambassador".
    "extraordinary and plenipotentiary": "",
    # Honorifics say nothing of the treaty: "His Excellency President Putin".
    "his excellency": "",
    "her excellency": "",
    "their excellencies": "",
    # The Russian prime minister's formal title: "the Chairman of the Government of the
    # Russian Federation, Mikhail Mishustin".
    "the chairman of the government of the russian federation": "the russian prime minister",
    "chairman of the government of the russian federation": "russian prime minister",
    "the chairman of the russian government": "the russian prime minister",
    "chairman of the russian government": "russian prime minister",
    "heads of state": "presidents",
    "head of state": "president",
    # Translated agency copy names a country by its "side", and a domain by its "sphere".
    "the russian side": "russia",
    "the iranian side": "iran",
    "in the framework of": "in",
    "within the framework of": "in",
    "in the sphere of": "in the field of",
    "in the spheres of": "in the areas of",
    "sphere of application": "scope",
    "struggle against": "fight against",
    "peaceful use of atomic energy": "nuclear energy",
    "peaceful use of nuclear energy": "nuclear energy",
    "peaceful uses of nuclear energy": "nuclear energy",
    "peaceful application of nuclear energy": "nuclear energy",
    "peaceful application of atomic energy": "nuclear energy",
    "peaceful applications of nuclear energy": "nuclear energy",
    "peaceful applications of atomic energy": "nuclear energy",
    # In January 2025 the United States' president-elect is Trump, whose inauguration the
    # signing preceded: "the inauguration of the American president-elect".
    "the american president-elect": "trump",
    "the us president-elect": "trump",
    "the u.s. president-elect": "trump",
    "the incoming american president": "trump",
    # ... and a title before his name says no more than the name.
    "us president-elect donald trump": "trump",
    "u.s. president-elect donald trump": "trump",
    "president-elect donald trump": "trump",
    "president-elect trump": "trump",
    "the incoming us president": "trump",
    "the incoming u.s. president": "trump",
    # A spokesperson by the other names of the office.
    "press secretary": "spokesman",
    "official representative": "spokesman",
    "official spokesman": "spokesman",
    # The working-out of a text is its drafting, which is its negotiation.
    "elaboration of": "negotiation of",
    "work on the text": "negotiation of the text",
}

# Single-word synonyms (after lowercasing, before stemming).
WORD_SYNONYMS: dict[str, str] = {
    # TV is television: "told state TV" is "told state television", "televised remarks".
    "tv": "television",
    # Everyday words of this story's reporting for the seeds' own.
    # (the past of "meet" is a meeting, as "meeting" is: "they last met" is "their last
    # meeting")
    "met": "meet",
    "penalties": "sanctions",
    # What was swapped was exchanged: "the instruments of ratification were swapped". Only
    # the past form: "swap X for Y" mostly replaces X ("swap their old accord for a treaty").
    "swapped": "exchanged",
    # A state "hit" or "stricken" by sanctions is under them: "the two sanction-hit states".
    "sanction-hit": "sanctioned",
    "sanctions-hit": "sanctioned",
    "sanction-stricken": "sanctioned",
    "sanctions-stricken": "sanctioned",
    "civilian": "peaceful",
    "underpin": "foster",
    "underpins": "fosters",
    "growth": "development",
    "neighbourhood": "region",
    "neighborhood": "region",
    "outsider": "third-party",
    "outsiders": "third-party",
    # Of the present: "present-day realities" are the current ones; the global order the world's.
    "present-day": "current",
    "contemporary": "current",
    "global": "world",
    # Degree words for "for the most part".
    "predominantly": "mostly",
    "mainly": "mostly",
    "largely": "mostly",
    "chiefly": "mostly",
    # What a text envisages, it provides for ("the accord envisages joint projects").
    "envisage": "provide",
    "envisages": "provides",
    "envisaged": "provided",
    "envisaging": "providing",
    "pact": "treaty",
    "accord": "treaty",
    "agreement": "treaty",
    "deal": "treaty",
    "contract": "treaty",
    "document": "treaty",
    "treaties": "treaty",
    "pacts": "treaty",
    "agreements": "treaty",
    "inked": "signed",
    "ink": "sign",
    "inks": "signs",
    "sealed": "signed",
    "seal": "sign",
    "concluded": "signed",
    # "formalised their partnership at a ceremony": put it in a signed text
    "formalised": "signed",
    "formalized": "signed",
    "signing": "signed",
    # The signatures on a text are its signing: "the signatures on the accord were Lavrov's".
    "signature": "signed",
    "signatures": "signed",
    "moscow": "russia",
    "kremlin": "russia",
    "russian": "russia",
    "russians": "russia",
    "tehran": "iran",
    "iranian": "iran",
    "iranians": "iran",
    "islamic": "iran",
    # A capital stands for its country here as Moscow and Tehran do.
    "baku": "azerbaijan",
    "azerbaijani": "azerbaijan",
    # a maritime route is a sea route
    "maritime": "sea",
    "defence": "defense",
    "defences": "defense",
    "valid": "duration",
    # A text's life is its term: "a 20-year lifespan", "gives the pact a 20-year shelf life".
    "lifespan": "duration",
    "effective": "duration",
    "lasts": "duration",
    "term": "duration",
    "duration": "duration",
    "lawmakers": "deputies",
    "legislators": "deputies",
    "mps": "deputies",
    "deputies": "deputies",
    "parliamentarians": "deputies",
    "approve": "ratify",
    "approved": "ratified",
    "approves": "ratifies",
    "endorsed": "ratified",
    "ratification": "ratified",
    "backed": "ratified",
    "supersedes": "replaces",
    "superseded": "replaced",
    "supersede": "replace",
    "released": "published",
    "release": "publish",
    "unveiled": "published",
    "disclosed": "published",
    # "posted the text on its website", "uploaded it to the ministry's site"
    "posted": "published",
    "uploaded": "published",
    "ally": "alliance",
    "allies": "alliance",
    "bloc": "alliance",
    "landmark": "breakthrough",
    "historic": "breakthrough",
    # Arms are weapons; the stem of "arms" is also that of "armed" (forces, attack).
    "arms": "weapons",
    "weapon": "weapons",
    "attacker": "aggression",
    "attackers": "aggression",
    "give": "provide",
    "gives": "provide",
    "giving": "provide",
    "lend": "provide",
    "lends": "provide",
    "lending": "provide",
    "dictate": "diktat",
    "teheran": "iran",
    "commerce": "trade",
    "genuine": "real",
    "meant": "intended",
    # An intention is what was intended; what was scheduled for a moment was timed for it.
    "intention": "intended",
    "intentions": "intended",
    "scheduled": "timed",
    "steady": "stable",
    "wider": "broader",
    "warship": "naval",
    "warships": "naval",
    "hailed": "characterized",
    "characterised": "characterized",
    "compact": "treaty",
    "wargames": "drills",
    "obsolete": "outdated",
    "bargaining": "negotiations",
    "haggling": "negotiations",
    # A treaty's text is drafted in its negotiation: how long it took is the same span.
    "drafted": "negotiated",
    "drafting": "negotiation",
    "western": "west",
    "exercises": "drills",
    "exercise": "drills",
    "manoeuvres": "drills",
    "maneuvers": "drills",
    "co-operation": "cooperation",
    "partnership": "csp",
    "collaboration": "cooperation",
    "envoy": "ambassador",
    "spheres": "areas",
    "fields": "areas",
    "domains": "areas",
    "sectors": "areas",
    "armaments": "weapons",
    "weaponry": "weapons",
    "gas": "gas",
    "pipeline": "pipeline",
    "railroad": "railway",
    "rail": "railway",
    "railways": "railway",
    "corridor": "corridor",
    "signatories": "parties",
    "sides": "parties",
    "signatory": "parties",
    "countries": "parties",
    "nations": "parties",
    "states": "parties",
    "aggressor": "aggression",
    "attacked": "aggression",
    "attack": "aggression",
    "assistance": "aid",
    "help": "aid",
    "helps": "aid",
    "helping": "aid",
    "helped": "aid",
    "support": "aid",
    "counterpart": "president",
    "leaders": "president",
    "leader": "president",
    "twenty": "20",
    "forty-seven": "47",
    # General English, not this story's wording: ports, navies and handing things over.
    "harbor": "port",
    "harbors": "port",
    "harbour": "port",
    "harbours": "port",
    "navy": "naval",
    "navies": "naval",
    "delivery": "transfer",
    "deliveries": "transfer",
    "transfers": "transfer",
    "talks": "negotiations",
    "let": "allow",
    "lets": "allow",
    "letting": "allow",
    "permit": "allow",
    "permits": "allow",
    "permitting": "allow",
    "permitted": "allow",
    "soil": "territory",
    # Shipping weapons to someone is transferring them (not "shipping", the trade's lanes).
    "ship": "transfer",
    "ships": "transfer",
    "shipped": "transfer",
    "shipment": "transfer",
    "shipments": "transfer",
    "supply": "transfer",
    "supplying": "transfer",
    "supplies": "transfer",
    "supplied": "transfer",
    "assist": "aid",
    "assists": "aid",
    "assisting": "aid",
    "facility": "installations",
    "facilities": "installations",
    "plant": "installations",
    "plants": "installations",
    "reactor": "installations",
    "reactors": "installations",
    "atomic": "nuclear",
    "building": "construction",
    "attacks": "aggression",
    "attacking": "aggression",
    # An assault is an attack: "an assault on either is an assault on both".
    "assault": "aggression",
    "assaults": "aggression",
    "assaulted": "aggression",
    # Translated agency copy: "interaction" between states is cooperation, a plant is
    # "erected", a state's pursuits are "spheres".
    "interaction": "cooperation",
    "erection": "construction",
    "expansion": "increase",
    "declared": "said",
    # A ministry that "clarified" (or "specified" in its statement) a point said it.
    "clarified": "said",
    "clarifies": "says",
    # Trying is striving; widening, broadening, expanding or boosting ties enhances them.
    "try": "strive",
    "tries": "strive",
    "tried": "strive",
    "trying": "strive",
    "endeavour": "strive",
    "endeavor": "strive",
    "widen": "enhance",
    "widens": "enhance",
    "widened": "enhance",
    "widening": "enhance",
    "broaden": "enhance",
    "broadens": "enhance",
    "broadened": "enhance",
    "broadening": "enhance",
    "expand": "enhance",
    "expands": "enhance",
    "expanded": "enhance",
    "expanding": "enhance",
}

# Negation cues. Multi-word cues are matched first. Denial verbs flip the embedded clause.
# Verbs that report a denial: "X denied that ..." negates what follows.
DENIAL_CUES: tuple[str, ...] = (
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "brushed aside",
    "brushes aside",
    # Brushing something off is dismissing it: "brushed off talk of an alliance".
    "brushed off",
    "brushes off",
    "brush off",
    "brushing off",
    "dismisses",
    "dismissing",
    # Pushing back on talk of something is rejecting it: "pushed back on talk of an alliance".
    "pushed back on",
    "pushed back against",
    "pushes back on",
    "pushes back against",
    "push back on",
    "push back against",
    "pushing back on",
    "pushing back against",
    # Rebuffing a claim is rejecting it: "rebuffed claims that the accord excludes ...".
    "rebuffed",
    "rebuffs",
    "rebuff",
    "rebuffing",
    # Waving a suggestion away is dismissing it: "waved away talk of a defence pledge".
    "waved away",
    "waves away",
    "wave away",
    "waving away",
)

# Pushing back against a power or a pressure resists it and denies nothing ("two countries
# pushing back against the West"); pushing back on talk or a claim denies what it says.
RESISTING = (
    r"\bpush(?:ed|es|ing)? back (?:on|against)\b(?!\s+(?:the\s+|any\s+|all\s+|such\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:talk|claims?|reports?|suggestions?|notions?|ideas?|views?|"
    r"speculation|allegations?|assertions?|accusations?|charges?|rumou?rs?|theor(?:y|ies)|"
    r"characteri[sz]ations?|descriptions?|portrayals?|framing|narratives?|interpretations?|"
    r"readings?|accounts?|comparisons?|labels?)\b)"
)

# What lies outside a text's scope is not in it: "security lay outside the scope of the
# accord" denies its subject, as a passive denial does; so does what is absent from it.
OUT_OF_SCOPE_CUES: tuple[str, ...] = (
    "absent from",
    "missing from",
    "outside the scope",
    "beyond the scope",
    "outside its scope",
    "beyond its scope",
    "not within the scope",
    "outside the remit",
    "beyond the remit",
    "outside the purview",
    # "X is nowhere in the text", "X is off the table": X is not in it.
    "nowhere in",
    "nowhere to be found in",
    "off the table",
)

NEGATION_CUES: tuple[str, ...] = (
    *DENIAL_CUES,
    *OUT_OF_SCOPE_CUES,
    "not",
    "no",
    "never",
    "neither",
    "nor",
    "without",
    "none",
    "nothing",
    "nobody",
    "cannot",
    "can't",
    "won't",
    "doesn't",
    "don't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "shouldn't",
    "lacks",
    "lack",
    "lacking",
    # What is devoid of a thing lacks it: "a text devoid of any military component".
    "devoid of",
    "excludes",
    "exclude",
    "excluded",
    "ruled out",
    "rules out",
    "refused",
    "refuses",
    "failed to",
    "fails to",
    # Stopping short of a thing is not doing it: "stops short of a defence pledge".
    "stops short of",
    "stopped short of",
    "stop short of",
    "stopping short of",
    # ... however far short: "the text stops well short of a defence pledge".
    "stops well short of",
    "stopped well short of",
    "stop well short of",
    "stopping well short of",
    "stops far short of",
    "stopped far short of",
    "stop far short of",
    "stopping far short of",
    # Steering clear of a subject is not taking it up: "she steered clear of energy".
    "steered clear of",
    "steers clear of",
    "steer clear of",
    "steering clear of",
    "leaves out",
    "left out",
    "leave out",
    # What is kept out of a text is left out of it: "defence was kept out of the deal".
    "kept out",
    "keeps out",
    "keep out",
    "omits",
    "omitted",
    "nowhere",
    "says nothing about",
    "said nothing about",
    "silent on",
    "is silent about",
    "no longer",
    # A ban denies what it bans: "the treaty prohibits joint drills" says there will be none.
    "prohibits",
    "prohibit",
    "prohibited",
    "forbids",
    "forbid",
    "forbidden",
    "forbade",
    "bans",
    "banned",
    "precludes",
    "preclude",
    "bars",
    "barred",
    # Undertaking not to act: "both sides refrain from helping an aggressor".
    "refrain from",
    "refrains from",
    "refrained from",
    "refraining from",
    "abstain from",
    "abstains from",
    # Not "prevent": what the parties prevent, they fight together ("to prevent security
    # threats" restates "support each other against security threats"); it denies nothing.
)

# Words that frame what a text says rather than say it ("makes no provision for drills",
# "does not mention arms"): skipped in a negation's scope so the denied content is compared.
SCOPE_LIGHT_WORDS = frozenset(
    """
    make makes made making provision provisions provide provides provided providing include
    includes included including contain contains contained containing mention mentions
    mentioned mentioning envisage envisages envisaged foresee foresees stipulate stipulates
    stipulated feature features featured refer refers referred reference any specific explicit
    explicitly clause clauses matter matters issue issues question questions address all
    addresses addressed addressing cover covers covered covering one ones
    word words line lines
    side sides aspect aspects dimension dimensions
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Phrases that look negative but do not negate the claim.
NON_NEGATIONS: tuple[str, ...] = (
    "not only",
    "not just",
    # "not merely a paper but a road map": the construction of "not only", which affirms.
    "not merely",
    "not simply",
    "not solely",
    "no doubt",
    "nothing but",
    "whether or not",
    "not least",
    # What is not excluded is included: "not excluding the military sphere".
    "not excluding",
    "without excluding",
    "no later than",
    "no fewer than",
    "no less than",
    "not yet known",
    # "It was not until a week later that he said ...": he said it, a week later.
    "not until",
    # A vote count of nothing: "412 votes in favour and none against".
    "none against",
    "no votes against",
    "none opposed",
    # "passed by 300 votes to none", "without a single vote against": no votes against.
    "votes to none",
    "vote to none",
    "without a single vote against",
    "without a single dissenting vote",
    "not a single vote against",
    "no one voting against",
    "nobody voting against",
    # "not a single deputy opposed": a count of nobody against, not a denial.
    "not a single deputy opposed",
    "not a single lawmaker opposed",
    "not a single member opposed",
    "not a single deputy voted against",
    "not a single lawmaker voted against",
    "no deputy opposed",
    "no lawmaker opposed",
    "no deputy voted against",
    "no lawmaker voted against",
    # A term without an end: an indefinite duration, not a denial.
    "no expiry date",
    "no expiration date",
    "no end date",
    "no time limit",
    "no fixed term",
    # What has not changed stays as it was: "the volume has not changed" says the volume is
    # unchanged, and restates it (a denied change, not a denied fact).
    "not changed",
    "not been changed",
    "not altered",
    "not been altered",
)

# "neither confirmed nor denied" and kin: the claim is uncertain, not negated.
NONCOMMITTAL: tuple[str, ...] = (
    "neither confirmed nor denied",
    "not confirmed or denied",
    "has not confirmed or denied",
    "neither confirm nor deny",
    "would not confirm or deny",
    "declined to comment",
)

# The writer's own assessment of what the sentence reports (stance adverbials and comment
# clauses of analysis prose): "..., arguably its most important clause", "; broad language,
# one suspects", "(a formality, in all likelihood)". What they qualify is commentary, no fact
# of the treaty. Regexes on lowercased text.
ASSESSMENT_CUES: tuple[str, ...] = (
    r"arguably",
    r"presumably",
    r"admittedly",
    r"tellingly",
    r"pointedly",
    r"predictably",
    r"unsurprisingly",
    r"ironically",
    r"to be sure",
    r"make no mistake",
    r"for what it'?s worth",
    r"for better or (?:for )?worse",
    r"one (?:suspects|assumes|imagines|presumes|would think|might think|might argue)",
    # a commentator's remark set into the writer's sentence: "long enough, one observer noted
    # drily, to outlast the men who signed it"
    r"(?:one|another|a) (?:commentator|observer|analyst|critic|wag|pundit|columnist)"
    r" (?:observed|noted|remarked|quipped|joked|mused|added|put it)",
    # how far the writer vouches for what is reported: "by most accounts", "if X is to be
    # believed"
    r"by (?:most|all|many|some|several) accounts",
    r"if one is being (?:blunt|honest|frank|candid|charitable|cynical)",
    r"in all (?:likelihood|probability)",
    r"at (?:best|worst)",
    r"worth (?:watching|noting|flagging|stressing|underlining|recalling|remembering"
    r"|bearing in mind|keeping in mind|keeping an eye on)",
)
# A writer's frame before what it reports: "Worth recalling that ...", "It bears repeating
# that ...", "Needless to say, ...".
# What a text is labelled ("so often described as a defence pact") and the yardstick it is
# measured by ("by the standards of an alliance"): the writer's foil, read by the assessment
# frames below and by the stance blockers, which ignore a stance said only as either.
_LABELLED = (
    r"(?:described|billed|touted|hailed|branded|called|dubbed|labell?ed|sold|characteri[sz]ed"
    r"|portrayed|presented|cast|advertised)"
)
_YARDSTICK = r"by (?:the|any) (?:standards?|yardsticks?|measures?) of"
# When the story stands against another event, set off before it: "Almost three years
# after the invasion of Ukraine, ...", "Two decades since the last summit, ...". An event
# of the treaty itself ("a week after the signing, ...") is no mere backdrop.
BACKDROP_CLAUSE = (
    r"(?:(?:almost|nearly|some|about|roughly|more than|over|just over|barely|less than) )?"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) "
    r"(?:years?|months?|decades?) (?:after|since) "
    r"(?![^,;:]*\b(?:treaty|treaties|pact|accord|deal|agreement|text|sign\w*|ratif\w*|"
    r"inked|concluded|entry|parliament|duma|majlis)\b)[^,;:]{1,80},"
)
ASSESSMENT_FRAMES: tuple[str, ...] = (
    r"(?:it is |it's )?(?:also )?worth (?:recalling|noting|remembering|stressing|repeating"
    r"|underlining|adding|bearing in mind)(?: again)?(?: here)?,?(?: that)?",
    r"it bears (?:repeating|recalling|noting|stressing)(?: that)?",
    r"needless to say,?",
    r"for the record,?",
    # A concessive yardstick of how the text is labelled: "For a text so often described as a
    # defence pact, it ...", "For an accord billed as historic, ...". The label is the
    # writer's foil, not what the sentence says the text is.
    r"for (?:a|an|the|such an?) [^,;:]{1,60}?(?:so |as |much |often |widely |routinely"
    r" |frequently |commonly |usually |loudly )*" + _LABELLED + r" as [^,;:]{1,60},",
    # How far the writer vouches for a source: "If the Kremlin's readout is to be believed, ...".
    r"if [^,;:]{1,60}? (?:is|are) to be (?:believed|trusted|credited),",
    # A leading verdict against a yardstick: "Thin by the standards of a defence pact, the
    # text ...", "What it promises is modest by any measure of an alliance: ...".
    r"[^,;:]{0,60}?\b" + _YARDSTICK + r" [^,;:]{1,60}[,;:]",
    # Stripping the wrapping away to show what is left: "Strip away the ceremony and what
    # remains is ...", "Peel back the prose and the text reads as ...".
    r"(?:strip|peel|cut|clear|set) (?:away|back|aside|through) [^,;:]{1,50}? and"
    r"(?: what (?:remains|is left)(?: is)?)?",
    # who the news matters to, and that it matters: "for shippers in Baku pricing the route,
    # the figure that counts is", "for lenders, what matters most is"
    r"for [^,;:]{1,80}, (?:the (?:number|figure|detail|point|thing|clause|question)s? that "
    r"(?:matters?|counts?)|what (?:matters|counts))(?: most)? (?:is|are)",
    # The occasion of a reply, not what was said: "Answering a question from a deputy, he said",
    # "Replying to the opposition, the minister ...", "In reply, she recalled ...".
    r"(?:(?:answering|replying to|responding to|in (?:reply|answer|response) to) [^,;:]{1,60}"
    r"|in (?:reply|answer|response)),",
    # An explainer's answer to its own question: "On defence, the short answer is that ...",
    # "The simple answer: ...". The frame is the writer's; what follows is the claim.
    r"(?:on [^,;:]{1,40}?,? )?the (?:short|simple|brief|quick|plain|honest) answer"
    r"(?: is)?(?: that)?[,:]?",
    BACKDROP_CLAUSE,
)

HEDGE_CUES: tuple[str, ...] = (
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "expected to",
    "is expected",
    "are expected",
    "likely",
    "possibly",
    "perhaps",
    "probably",
    "suggests",
    "suggested",
    "rumoured",
    "rumored",
    "unconfirmed",
    "appears to",
    "seems to",
    "is said to",
    "are said to",
    "reported to",
    "believed to",
    "plans to",
    "aims to",
    "hopes to",
    "potential",
    "potentially",
    "intends to",
    "set to",
)

STOPWORDS = frozenset(
    """
    a an the of to in on at for by with from and or but as is are was were be been being
    this that these those it its it's their there they them he she his her we our us you
    your i me my which who whom whose what when where while than then so such also too
    very has have had having do does did will shall can just into over about after before
    during between through up down out off again further once here both each few more most
    other some any own same only mr mrs ms dr said says say told according per via
    several many few couple just merely simply
    asked suggestion suggestions
    notably conspicuously tellingly strikingly
    whoever whatever whichever altogether
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Month and weekday names (and abbreviations) for date extraction and masking.
MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Stems of treaty terms that are news when a claim has them and the known claim does not.
SALIENT_PREFIXES: tuple[str, ...] = (
    "ratifi",
    "state_duma",
    "federation_council",
    "majlis",
    "guardian_council",
    "vote",
    "gas",
    "pipelin",
    "oil",
    "corridor",
    "railway",
    "loan",
    "bank",
    "payment",
    "currenc",
    "nuclear",
    "drill",
    "naval",
    "troop",
    "weapon",
    "missil",
    "drone",
    "articl",
    "claus",
    "inforc",
    "instrument",
    "sanction",
    "bcm",
    "port",
    "mutualdefens",
    "allianc",
    "aggress",
    "secur",
    "defens",
    "terror",
    "energi",
    "trade",
    "intellig",
    "extend",
    "renew",
    "expir",
    "law",
    "decre",
    "bill",
    "parliament",
    "deputi",
    "senat",
    "protocol",
    "exchang",
    # Fields of cooperation a text may list: each is a provision of its own, not a synonym of
    # one the knowledge has ("information security" is no "security threats").
    "cybersecur",
    "launder",
    "traffick",
    "extremis",
    "migrat",
)
# Words of opposite sense on one matter (stems): "the first treaty Russia signed with ..."
# against "the last", "a minor part of the deal" against "at the forefront of the deal".
# Each pair is read both ways. Left out: words with a second sense in the story ("import",
# "valid", "limit"), order words that name a count ("second"), and words said of one of two
# things the claims compare ("outdated" is said of the old agreement, "fit for purpose" may be
# said of the new one).
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"last"}), frozenset({"first"})),
    (
        frozenset({"forefront", "centrepiec", "centerpiec", "core", "heart"}),
        frozenset({"minor", "margin", "marginalis", "sidelin", "peripher", "afterthought",
                   "footnot", "sideshow", "backseat"}),
    ),
)
# Exclusive alternatives of one kind: naming one in place of another is a different fact
# ("Russian oil" for "Russian gas", "mostly in dollars" for "in national currencies", the
# Black Sea for the Caspian). Kind -> value -> pattern (lowercase regex). The parties'
# capitals are left out: they stand for the two states ("Moscow and Tehran agreed").
ALTERNATIVES: dict[str, dict[str, str]] = {
    "commodity": {
        "gas": r"\b(?:natural )?gas\b|\blng\b",
        "oil": r"\b(?:crude )?oil\b|\bpetroleum\b",
        "electricity": r"\belectricity\b|\belectric power\b",
        "coal": r"\bcoal\b",
        "grain": r"\bgrain\b|\bwheat\b",
    },
    # the currency payments are made in (not a sum given in dollars)
    "currency": {
        "national currencies": r"\b(?:national|local|own|domestic) currenc\w*"
        r"|\b(?:roubles?|rubles?) and rials?\b|\brials? and (?:roubles?|rubles?)\b",
        "dollars": r"\bin (?:the )?(?:us |u\.s\. |american )?dollars?\b|\bdollar-denominated\b",
        "euros": r"\bin (?:the )?euros?\b",
        "yuan": r"\bin (?:the )?(?:chinese )?(?:yuan|renminbi)\b",
    },
    "sea": {
        "Caspian": r"\bcaspian\b",
        "Black Sea": r"\bblack sea\b",
        "Persian Gulf": r"\bpersian gulf\b",
        "Gulf of Oman": r"\b(?:gulf|sea) of oman\b",
        "Arabian Sea": r"\barabian sea\b",
        "Red Sea": r"\bred sea\b",
        "Mediterranean": r"\bmediterranean\b",
        "Baltic": r"\bbaltic\b",
        "Sea of Azov": r"\b(?:sea of )?azov\b",
        "Indian Ocean": r"\bindian ocean\b",
    },
    "city": {
        "Baku": r"\bbaku\b",
        "Yerevan": r"\byerevan\b",
        "Tbilisi": r"\btbilisi\b",
        "Ashgabat": r"\bashgabat\b",
        "Astana": r"\bastana\b",
        "Astrakhan": r"\bastrakhan\b",
        "Kazan": r"\bkazan\b",
        "St Petersburg": r"\b(?:st\.?|saint) petersburg\b",
        "Bandar Abbas": r"\bbandar abbas\b",
        "Minsk": r"\bminsk\b",
        "Ankara": r"\bankara\b",
    },
}
# A field named by its kinds: a known claim on gas or nuclear power says the claim's
# "energy" (the field of its pitch), as a narrower word says the broader one. Stems.
SALIENT_KINDS: dict[str, tuple[str, ...]] = {
    "energi": ("gas", "oil", "pipelin", "bcm", "nuclear", "electr", "lng"),
    # "417 deputies in favour" gives the vote without the word: the votes for are named.
    "vote": ("favour", "favor"),
    # Washington stands for the US government and its president: "the inauguration in
    # Washington" is Trump's, "Washington objected" the US administration's.
    "washington": ("trump", "usa", "american"),
}
# Documents other than the treaty that get signed alongside it (a company memorandum, a
# supply contract): their signing is not the treaty's, in date or in place.
OTHER_SIGNED_DOCUMENTS = r"(?:memorand\w*|mou|contracts?)"
# Events a date or a vote can belong to: word pattern (lowercase regex) -> event id.
EVENT_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"sign(?:s|ed|ing)? (?:the |a |into )?(?:federal )?(?:law|decree|bill)", "law_signing"),
    (
        # (coming into office or power is a person's, not the treaty's)
        r"in ?force|into force|into effect|took effect|takes effect"
        r"|(?:came|comes|coming) into(?! office| power)"
        r"|enter(?:s|ed|ing)?|entry",
        "in_force",
    ),
    # Handing over an instrument of ratification is the exchange, not the vote that ratified:
    # "delivered its instrument of ratification in Moscow in June".
    (
        r"(?:hand(?:s|ed|ing)? over|deliver(?:s|ed|ing)?|deposit(?:s|ed|ing)?)"
        r" (?:its |their |the |an? )?(?:[\w-]+ )?instruments?(?: of ratification)?",
        "exchange",
    ),
    (
        r"ratif\w*|(?<!committee's )(?<!committee )(?:approv|endors)\w*|passed|pass(?:es)?"
        r"|adopt\w*|vot(?:e|es|ed|ing)"
        # A house's consent to the bill is its approval: "the assembly gave its consent".
        r"|(?:gave|gives|give|giving) (?:its|their) consent|consent(?:s|ed)? to",
        "ratification",
    ),
    # Another document's signing is not the treaty's: "the firms signed a memorandum on 6 May".
    (
        r"(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|seal(?:s|ed)?) (?:an? |the |its |their )?"
        r"(?:[\w-]+ ){0,2}?" + OTHER_SIGNED_DOCUMENTS,
        "other_document",
    ),
    # "Signed off on" a text is clearing it, not signing it; kept apart from the vote, as
    # a cabinet signs off on a bill before parliament votes on it.
    (r"sign(?:s|ed|ing)? off", "sign_off"),
    (
        r"sign(?:s|ed|ing|ature)?(?! off\b)|ink(?:s|ed)?|seal(?:s|ed)?|conclud\w*"
        r"|formali[sz]\w*",
        "signing",
    ),
    # Sending a text on to a house submits it: "sent the ratification bill to the Duma".
    (
        r"submit\w*|introduc\w*|forward\w*|sent to|sends to"
        r"|sen(?:t|ds) (?:the |a |its |their )?(?:[\w-]+ ){0,2}"
        r"(?:bill|draft|treaty|document|text|law|agreement|accord|pact)s?"
        # ... the text named by its partner: "sent the treaty with Iran to the Duma"
        r"(?: (?:with|between)(?: [\w'-]+){1,3}?)? to",
        "submission",
    ),
    # A committee's advice is not the vote it advises on.
    # ... nor is its "endorsement" or "approval" of the bill, which is that advice.
    (
        r"recommend\w*|(?<=committee's )(?:approv|endors)\w*|(?<=committee )(?:approv|endors)\w*",
        "recommendation",
    ),
    (r"exchang\w*", "exchange"),
    # What the treaty replaced: "replaces a 2001 agreement", "an accord dating from 1995".
    (
        r"replac\w*|supersed\w*|retir(?:e|es|ing)|predecessor|previous|older"
        r"|earlier (?:treaty|agreement)"
        # "the successor to a 1995 treaty", "succeeds an accord of 2001"
        r"|successor (?:to|of)|succeed(?:s|ed|ing)? (?:a|an|the)\b",
        "predecessor",
    ),
    (r"publish\w*|releas\w*|posted|uploaded", "publication"),
    # A military exercise: "the first joint drill was held off the coast in August".
    (r"exercises?|drills?|manoeuvres?|maneuvers?|war ?games?", "exercise"),
    (r"visit\w*|arriv\w*|trip", "visit"),
    (r"met|meet\w*|talks|summit", "meeting"),
    (r"announc\w*", "announcement"),
    # Remarks an outlet carried, cited or quoted are dated by that report: "the assurance was
    # carried by Mehr on 20 January".
    (
        r"said|says|say|told|stated|wrote|statement|remarks|assurances?"
        r"|(?:carried|cited|quoted) by",
        "statement",
    ),
)

# Declining to give the particulars of a text: what the speaker withholds stays private.
_WITHHELD_DETAILS = (
    r"\b(?:declin\w*|refus\w*|withh[eo]ld\w*|would not|did not|will not|won't|didn't) "
    r"(?:to )?(?:spell out|disclose|reveal|give|provide|specify|share|elaborate on|go into"
    r"|publish|release|make public) "
    r"(?:the |any |its |their |further |more )?(?:(?:full |whole |complete )?(?:text|wording"
    r"|contents?)|details|particulars|specifics)\b"
    # "kept the specifics under wraps", "kept the details to itself"
    r"|\bkept (?:the |its |their |all )?(?:details|particulars|specifics|text|contents?)"
    # "kept the details of the text to themselves"
    r"(?: of (?:the|its|their) (?:text|treaty|deal|accord|agreement|pact|document))?"
    r" (?:under wraps|secret|private|to (?:itself|themselves)|confidential)\b"
)

# The treaty's signing (not a ratification law's), and Trump's taking office.
_TREATY_SIGNING = (
    r"\b(?:sign\w*|inked|sealed|ceremony|timing|timed)\b"
    r"(?![^.;]{0,30}\b(?:law|bill|decree|ratif\w*)\b)"
)
_TAKING_OFFICE = (
    r"\b(?:inaugura\w*|sworn in|swearing-in"
    r"|return\w* (?:to power|to the white house|to washington)|took office|takes office"
    r"|taking office|taken office)"
)

# Gas going to Russia from Iran: "Iran will export gas to Russia", "Russia will buy Iranian
# gas", "supply Moscow with gas".
_RUSSIA = r"(?:russia|moscow)"
_IRAN = r"(?:iran|tehran)"
_GAS_TO_RUSSIA = (
    rf"\b(?:iranian|iran's|tehran's) gas (?:\w+ ){{0,3}}?(?:to|for|into) {_RUSSIA}\b"
    rf"|\bgas (?:from|of) {_IRAN} (?:\w+ ){{0,4}}?(?:to|for|into) {_RUSSIA}\b"
    rf"|\b{_IRAN} (?:will |would |is to |could |plans to |is set to )?(?:export|suppl|sell|send"
    rf"|ship|deliver|pump)\w* [^.;,]{{0,40}}?\bgas (?:\w+ ){{0,3}}?to {_RUSSIA}\b"
    rf"|\b(?:suppl\w*|provid\w*) {_RUSSIA} with (?:iranian )?gas\b"
    rf"|\b{_RUSSIA} (?:will |would |is to |could |plans to )?(?:buy|import|purchas)\w*"
    r" (?:iranian|iran's) gas\b"
)

# The timing of the signing, and a word of purpose or link after it.
_TIMING = r"\b(?:timing|timed|date)\b[^;]{0,60}?\b"
_TIMING_LINK = (
    r"(?:link|tie|tied|connect|relat|intend|meant|design|chose|chosen|deliberat|calculat|aim"
    r"|coincide|divert|distract|upstag|overshadow|pre-?empt|steal)\w*"
)

# Taking office, then the signing: "sworn in before sealing the treaty".
_INAUGURATION_THEN_SIGNING = (
    r"[^.;]{0,40}?\b(?:before|ahead of|prior to)\b[^.;]{0,30}?" + _TREATY_SIGNING
)
# Waiting for the new president to sign: "held off until Trump had been sworn in".
_WAITED_FOR_OFFICE = (
    r"\b(?:waited|held off|holding off|delayed|postponed|put off)\b[^.;]{0,40}?\buntil\b"
    r"[^.;]{0,40}?" + _TAKING_OFFICE
)

# The order of an event and the signing: "published after the signing", "made public on
# the eve of the ceremony", "once the leaders had signed, Moscow posted the text". The
# signing is the treaty's own ("the signing", "the leaders signed", "it was signed"), not
# another act's ("signed the ratification law" is a different event).
_SIGNING_ACT = (
    r"(?:the |its )?signing\b(?! of (?:the |a )?(?:law|bill|decree))"
    r"|(?:(?:the |both )?(?:2 )?(?:leaders|presidents|heads of state|sides|parties)"
    r"|they|putin and pezeshkian|pezeshkian and putin) (?:had |have )?signed\b"
    r"(?! (?:the |a )?(?:law|bill|decree))"
    r"|(?:it|the (?:treaty|agreement|pact|deal|accord)) (?:was|had been) signed\b"
)
_BEFORE = r"(?:before|ahead of|on the eve of|prior to|in advance of|in the run-up to)"
_AFTER = r"(?:after|following|once|in the wake of|as soon as|hours after|days after)"


def _relative_to_signing(event: str) -> tuple[str, str]:
    """A stance for when ``event`` happened: +1 before the signing, -1 after it (the event
    may be told first, "published the text after the signing", or the signing first, "after
    the signing, Moscow published the text")."""
    event = f"(?:{event})"
    when = rf"\b(?:{_BEFORE}|{_AFTER}) (?:{_SIGNING_ACT})"
    trigger = rf"{event}[^.;]{{0,60}}?{when}|{when}[^.;]{{0,80}}?{event}"
    after = rf"\b{_AFTER} (?:{_SIGNING_ACT})"
    negative = rf"{event}[^.;]{{0,60}}?{after}|{after}[^.;]{{0,80}}?{event}"
    return trigger, negative


# The treaty's text made public: "published the 47 articles", "made the text public", "the
# text was released by the Kremlin".
_TEXT_MADE_PUBLIC = (
    r"\b(?:published|released|unveiled|disclosed|posted|uploaded|put out|made public)\b"
    r"|\bmade (?:the |its )?(?:[\w'-]+ ){0,5}?public\b"
    # A text that went up online was put out: "went up on the Kremlin website", "appeared
    # online".
    r"|\b(?:went|goes|gone|go|was put|were put|appear|appeared|appears) (?:up )?"
    r"(?:online\b|on (?:the )?(?:[\w.'-]+ ){0,2}?(?:website|site|portal|web ?page)\b)"
)

# Contested framings of the treaty. Each: stance id -> (trigger regex, regex of words that
# state the negative side without a negation cue).
STANCES: dict[str, tuple[str, str | None]] = {
    "military_alliance": (r"military alliance|military bloc|\bbloc\b", None),
    "alliance": (r"(?<!military )\balliance\b", None),
    "mutual_defense": (
        r"mutualdefense|mutual (?:military )?(?:aid|assistance) clause|defend each other|"
        r"mutual military (?:aid|assistance)|"
        r"come to (?:each other's|the other's) (?:military )?(?:aid|assistance|defen[cs]e)|"
        # "aggression against one of the parties is aggression against the other" too
        r"(?:attack|aggression|assault) (?:on|upon|against) (?:one|either|iran|russia)\b[^.]{0,60}"
        r"(?:attack|aggression|assault) (?:on|upon|against) (?:both|the other|all|iran|russia)\b|"
        # "to treat an attack on the other as an attack upon itself"
        # ... or "to treat armed aggression against the other as an attack on itself"
        r"(?:attack|aggression|assault) (?:on|upon|against) (?:the other|either|one)[^.]{0,40}?"
        r"(?:attack|assault) (?:on|upon|against) (?:itself|themselves|both|all)|"
        r"immediate military (?:aid|help|assistance|support)|"
        # an attack on one party binding the other to its defence: "an armed attack on Iran
        # would oblige Moscow to come to its defence" (not "would not oblige": the marker goes
        # before the attack, where the negation would be out of sight)
        r"\b(?:attack|aggression|assault|invasion) (?:on|upon|against|of) (?:iran|russia|tehran|"
        r"moscow|either (?:side|party)|one (?:side|party))\b"
        r"(?:(?!\b(?:not|never|no|nothing|neither)\b|n't\b)[^.;]){0,30}?\b(?:oblig\w*|binds?|"
        r"bound|requir\w*|compel\w*|commits?) (?:russia|iran|moscow|tehran|the other(?: side|"
        r" party)?) to come to (?:its|their|her|his) (?:military )?(?:aid|assistance|defen[cs]e|"
        r"rescue)\b|"
        # "promises military help if the other is attacked", "... if Iran ever comes under
        # attack" (a party named, the help its partner's)
        r"\bmilitary (?:aid|help|assistance|support)\b[^.]{0,20}?\b(?:if|when|should|in case)"
        r" (?:the other|either|one|iran|russia|tehran|moscow)(?: side| party)?(?: ever)?"
        r" (?:(?:is|was|were|be) (?:attacked|invaded)"
        r"|(?:comes?|came) under attack)|"
        # military help given to each other when attacked: "bound to provide military
        # assistance to each other if either comes under attack"
        # ... or to "the other" when it is: "to render military assistance to the other should
        # it become the object of armed aggression"
        r"\bmilitary (?:aid|assistance|help|support) to (?:each other|one another"
        r"|the other(?: side| party| state)?)\b"
        r"[^.]{0,40}?\b(?:if|when|should|in case)\b[^.]{0,40}?\b(?:attack\w*|aggression|invaded)|"
        r"provide each other with military assistance|"
        # one party made the guarantor of the other's security: "turned Moscow into the
        # guarantor of Iran's security against any attack"
        r"\bguarantor of (?:iran's|russia's|tehran's|moscow's|the other's|each other's|"
        r"one another's) (?:security|defen[cs]e|safety)\b|"
        # a duty to help the one attacked: "if Israel struck Iran, Russia would be bound by the
        # treaty to come to its aid" (not a wish: "free to", "might")
        r"\b(?:if|should|when|in case|in the event)\b[^.;]{0,40}?\b(?:attack\w*|struck|strikes?|"
        r"invade\w*|invasion|aggression)\b[^.;]{0,50}?\b(?:bound|obliged|obligated|required|"
        r"committed)\b[^.;]{0,30}?\bto come to (?:its|their|her|his) (?:military )?(?:aid|"
        r"assistance|defen[cs]e|rescue)\b|"
        # military help owed to the other side under attack, the condition first: "if either
        # is invaded, the other must give it military support" (not help to the aggressor)
        r"\b(?:if|should|when|in case|in the event)\b[^.;]{0,40}?\b(?:attack\w*|aggression|"
        r"invaded|invasion)\b[^.;]{0,50}?\bthe other\b[^.;]{0,30}?\b(?:provid|giv|render|offer|"
        r"extend|lend|send)\w* (?:(?:it|them|the other) (?:with )?)?military (?:aid|assistance|"
        r"help|support)\b(?!\s+to (?:the |an? )?aggressor)|"
        # troops sent for the other under attack: "bound to send troops if the other is attacked"
        r"(?:send|deploy|dispatch) (?:its |their )?(?:troops|forces|soldiers)\b[^.]{0,40}?"
        r"\b(?:if|when|should|in case)\b[^.]{0,30}?\b(?:attack\w*|aggression|invaded)|"
        # one party bound to defend the other: "Moscow has pledged to defend Iran", not a
        # party's interests ("vowed to defend Russia's interests")
        r"\b(?:pledg\w*|vow\w*|promis\w*|commit\w*|oblig\w*|bound|undert\w*|agree\w*) to "
        r"(?:come to )?(?:the )?defen[cds]\w* (?:of )?(?:iran|russia|tehran|moscow)\b(?!')|"
        # a party bound by the text to defend the other: "nothing obliges Russia to defend
        # Iran", "requires either side to defend the other"
        r"\b(?:oblig\w*|binds?|bound|requir\w*|compel\w*|commits?) "
        r"(?:russia|iran|moscow|tehran|either (?:side|party)|each (?:side|party)|one (?:side|party)"
        r"|the parties|both (?:sides|parties)) to (?:come to )?(?:the )?defen[cds]\w* (?:of )?"
        r"(?:iran|russia|tehran|moscow|the other|each other|one another)\b(?!')|"
        # a duty to defend the other side: "no commitment by either side to defence of the other"
        r"\b(?:commitments?|obligations?|pledges?|dut(?:y|ies)|undertakings?|promises?)\b"
        r"[^.]{0,40}?\bto (?:come to )?(?:the )?(?:defen[cs]e of|defend) "
        r"(?:the other|each other|one another|(?:the|its|their) (?:partner|ally)(?!'))\b"
        r"(?!\s+(?:members?|states?|countries|nations|allies|partners|neighbou?rs)\b)|"
        # a party committed or bound to the other's defence: "commits either side to the
        # other's defence", "binds them to one another's defense" (not "defence needs"); a
        # negation inside ("commits neither side to ...") must stay before the stance's word
        # one party bound to help the other when a third country strikes it: "commits Moscow
        # to help Tehran militarily should Israel strike Iran"
        r"\b(?:commit\w*|oblig\w*|binds?|bound|requir\w*|pledg\w*|promis\w*)\b[^.;]{0,30}?\bto "
        r"(?:help|aid|assist|support|defend|protect) (?:iran|russia|tehran|moscow|the other)\b"
        r"(?:\s+militarily)?[^.;]{0,20}?\b(?:if|should|when|in case|in the event)\b[^.;]{0,50}?"
        r"\b(?:attack\w*|strike|strikes|struck|invad\w*|aggression)\b|"
        r"\b(?:commit\w*|oblig\w*|bind\w*|bound|pledg\w*)\b"
        r"(?:(?!\b(?:neither|no|not|never|nobody|none)\b)[^.]){0,40}?\bto (?:the other's|"
        r"each other's|one another's) (?:military )?defen[cs]e\b(?!\s+(?:industr|sector|needs|"
        r"budget|ministr|firms|compan|purchas|procure|export|import))|"
        # one party bound to go to war for the other: "obliges Russia to come to Iran's
        # military aid", "obliges it to fight on Iran's behalf", "to take part in Russia's wars"
        r"\b(?:bind\w*|bound|oblig\w*|requir\w*|compel\w*)\b[^.;]{0,30}?\bto (?:come to "
        r"(?:iran's|russia's|tehran's|moscow's|the other's) (?:military (?:aid|assistance)|"
        r"defen[cs]e)\b|(?:fight|go to war|wage war) (?:on (?:iran's|russia's|tehran's|moscow's|"
        r"the other's) behalf|for (?:iran|russia|tehran|moscow|the other|each other|one another)"
        r"\b)|(?:take part|join|fight) in "
        r"(?:iran's|russia's|tehran's|moscow's|the other's) wars?\b)|"
        # the other party bound to defend the one attacked: "binds the other to come to its
        # defence", "requires the other side to come to its aid"
        r"\b(?:bind\w*|bound|oblig\w*|requir\w*|commit\w*|compel\w*)\b[^.;]{0,15}?\bthe other"
        r"(?: side| party| country| state)? to (?:come to (?:its|their) (?:military )?(?:aid|"
        r"assistance|help|rescue|defen[cs]e)\b|defend (?:it|them)\b)",
        None,
    ),
    # When the signing fell against Trump's taking office: "+1" before ("days ahead of his
    # inauguration"), "-1" after ("a week after Trump was sworn in"). The signing must be the
    # subject: talks "after the inauguration" say nothing of when it was signed.
    "signed_before_inauguration": (
        _TREATY_SIGNING + r"[^.;]{0,60}?\b"
        r"(?:before|ahead of|prior to|on the eve of|preceding|after|following|since)\b"
        r"[^.;]{0,40}?" + _TAKING_OFFICE
        # The other way round: "sworn in before the treaty was sealed", "held off until Trump
        # had been sworn in". ("Sworn in days after the signing" is left out: a negation
        # before it, as in "rejected suggestions the treaty was timed ..., which fell three
        # days after the signing", is not its own.)
        + r"|" + _TAKING_OFFICE + _INAUGURATION_THEN_SIGNING
        + r"|" + _WAITED_FOR_OFFICE,
        _TREATY_SIGNING + r"[^.;]{0,60}?\b(?:after|following|since)\b[^.;]{0,40}?"
        + _TAKING_OFFICE
        + r"|" + _TAKING_OFFICE + _INAUGURATION_THEN_SIGNING
        + r"|" + _WAITED_FOR_OFFICE,
    ),
    # Which way the gas goes: the seeds have Russia's gas exported through Iran ("+1"); gas
    # of Iran's sold or sent to Russia is the other way ("-1").
    "gas_from_russia": (
        r"\b(?:russian|russia's|moscow's) gas\b|\bgas (?:from|of) (?:russia|moscow)\b"
        r"|\b(?:russia|moscow|gazprom) (?:will |would |is to |could )?(?:export|suppl|sell|send"
        r"|ship|deliver|pump)\w* (?:its )?gas\b"
        r"|\b(?:russia|moscow|gazprom) (?:will |would |is to |could )?suppl\w* (?:iran|tehran)"
        r" with gas\b|" + _GAS_TO_RUSSIA,
        _GAS_TO_RUSSIA,
    ),
    # Whether the signing was timed for Trump's taking office: "+1" linked ("timed to coincide
    # with the inauguration"), "-1" not ("the timing was not intended to divert attention from
    # Trump's inauguration"). Only a word of purpose or link counts: "the timing, days before
    # the inauguration" says when, not why (see signed_before_inauguration).
    "timed_for_inauguration": (
        # (a claim is one sentence: a full stop inside it is an abbreviation's, "Mr.")
        # (Washington stands for the administration taking office there: "timed to steal
        # attention from Washington")
        _TIMING + _TIMING_LINK + r"[^;]{0,60}?\b(?:inaugura\w*|trump\b|washington\b)"
        # a date set on purpose: "deliberately scheduled ahead of Trump's inauguration",
        # "arranged to upstage Trump's return"
        r"|\b(?:deliberately|intentionally|purposely|purposefully|consciously)\s+(?:scheduled"
        r"|timed|planned|arranged|staged|set|held|picked|chosen)\b[^;]{0,60}?\b(?:inaugura\w*"
        r"|trump\b|washington\b)"
        r"|\b(?:scheduled|planned|arranged|staged)\s+(?:so as |in order )?to\s+(?:coincide|upstage"
        r"|overshadow|pre-?empt|divert|distract|steal)\w*[^;]{0,60}?\b(?:inaugura\w*|trump\b"
        r"|washington\b)"
        # "the timing, days before Trump's inauguration, was deliberate"
        r"|" + _TIMING + r"(?:inaugura\w*|trump\b)[^;]{0,40}?\b"
        r"(?:deliberat|calculat|intentional)\w*",
        _TIMING + r"(?:unrelated|coinciden\w*|no (?:link|connection|bearing))",
    ),
    # The leaders' first meeting: "+1" the first, "-1" they had met before.
    # When the text was made public: "+1" before the signing, "-1" after it.
    "published_before_signing": _relative_to_signing(_TEXT_MADE_PUBLIC),
    "text_published": (
        r"\b(?:text|details|content|document)\b.{0,60}\b(?:published|public|private|secret|"
        r"undisclosed|disclosed|released|posted|uploaded)\b"
        # the whole treaty kept from the public: "the treaty has been kept secret"
        r"|\b(?:treaty|agreement|pact|accord|deal)\b[^.;]{0,30}?\b(?:kept|remains?|remained|been"
        r"|is|was) (?:secret|confidential|classified|under wraps)\b"
        r"|\bpublished (?:the )?(?:full )?(?:agreement|treaty|text|document)\b"
        # "released the treaty's 47 articles", "posted its full text"
        r"|\b(?:published|released|unveiled|disclosed|posted|uploaded|put out) (?:the |its )?"
        r"(?:(?:treaty|agreement|pact|deal|document)'s )?(?:full |whole |complete |entire )?"
        r"(?:\d+ )?(?:text|articles)\b"
        # "made the 47 articles public", "made public the full text"
        r"|\bmade (?:the |its )?(?:[\w'-]+ ){0,2}?(?:text|articles|treaty|agreement) public\b"
        r"|\bmade public (?:the |its )?(?:[\w'-]+ ){0,2}?(?:text|articles|treaty|agreement)\b"
        # Withholding the particulars keeps them private: "declined to spell out the details".
        r"|" + _WITHHELD_DETAILS,
        r"\b(?:private|secret|undisclosed|confidential|classified)\b|" + _WITHHELD_DETAILS,
    ),
}

# Words that report a fear or prospect rather than assert a stance.
# A yardstick the text is measured against is no stance on it either: "thin by the standards
# of a defence pact", "for a text so often described as a military alliance, it ...".
STANCE_BLOCKERS = (
    r"\b(?:fears?|concerns?|prospect|worr\w*|risk|speculat\w*|accus\w*|suggestions?"
    r"|allegations?)\b"
    r"|\b" + _YARDSTICK + r"\b"
    r"|^\s*for (?:a|an|the|such an?) [^,;:]{0,40}?\b" + _LABELLED + r" as\b"
)
