"""Names of countries, with the other ways news writes them.

Each row: canonical name | aliases (including abbreviations) | demonyms | capital
and other metonyms (``Seoul`` for South Korea's government). Metonyms count
only where spaCy tags the mention as a place, so ``Washington`` the person
stays a person.
"""

from __future__ import annotations

import functools

_COUNTRIES = """
United States|U.S.;US;USA;U.S.A.;America;United States of America;the States|American;U.S.|Washington;White House
United Kingdom|UK;U.K.;Britain;Great Britain;England|British;English|London;Downing Street;Whitehall
South Korea|Republic of Korea;ROK;Korea;S. Korea|South Korean|Seoul;Blue House
North Korea|Democratic People's Republic of Korea;DPRK;N. Korea|North Korean|Pyongyang
Japan||Japanese|Tokyo
China|People's Republic of China;PRC;Mainland China|Chinese|Beijing
Taiwan|Republic of China|Taiwanese|Taipei
Russia|Russian Federation|Russian|Moscow;Kremlin
Ukraine||Ukrainian|Kyiv;Kiev
Germany||German|Berlin
France||French|Paris;Elysee
Italy||Italian|Rome
Spain||Spanish|Madrid
Canada||Canadian|Ottawa
Mexico||Mexican|Mexico City
Brazil||Brazilian|Brasilia
Argentina||Argentine;Argentinian|Buenos Aires
India||Indian|New Delhi
Pakistan||Pakistani|Islamabad
Afghanistan||Afghan|Kabul
Iran|Islamic Republic of Iran|Iranian|Tehran
Iraq||Iraqi|Baghdad
Syria||Syrian|Damascus
Israel||Israeli|Jerusalem
Palestine|Palestinian Territories|Palestinian|Ramallah
Egypt||Egyptian|Cairo
Saudi Arabia|Saudi|Saudi|Riyadh
Turkey|Turkiye;Türkiye|Turkish|Ankara
Libya||Libyan|Tripoli
Yemen||Yemeni|Sanaa
Lebanon||Lebanese|Beirut
Jordan||Jordanian|Amman
Qatar||Qatari|Doha
United Arab Emirates|UAE;U.A.E.|Emirati|Abu Dhabi
Cuba||Cuban|Havana
Venezuela||Venezuelan|Caracas
Colombia||Colombian|Bogota
Australia||Australian|Canberra
New Zealand||New Zealander|Wellington
Indonesia||Indonesian|Jakarta
Philippines|the Philippines|Filipino;Philippine|Manila
Vietnam|Viet Nam|Vietnamese|Hanoi
Thailand||Thai|Bangkok
Malaysia||Malaysian|Kuala Lumpur
Singapore||Singaporean|
Myanmar|Burma|Burmese|Naypyidaw
Poland||Polish|Warsaw
Netherlands|the Netherlands;Holland|Dutch|Amsterdam;The Hague
Belgium||Belgian|Brussels
Sweden||Swedish|Stockholm
Norway||Norwegian|Oslo
Denmark||Danish|Copenhagen
Finland||Finnish|Helsinki
Greece||Greek|Athens
Ireland||Irish|Dublin
Switzerland||Swiss|Bern
Austria||Austrian|Vienna
Hungary||Hungarian|Budapest
Nigeria||Nigerian|Abuja
South Africa||South African|Pretoria
Kenya||Kenyan|Nairobi
Ethiopia||Ethiopian|Addis Ababa
Sudan||Sudanese|Khartoum
Somalia||Somali|Mogadishu
"""

# "the North" / "the South" stand for these countries when both are in the article.
DIVIDED = {"North": "North Korea", "South": "South Korea"}


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        name, aliases, dems, capitals = (part.strip() for part in line.split("|"))
        for alias in [name, *aliases.split(";")]:
            if alias:
                names.setdefault(alias.lower(), name)
        for d in dems.split(";"):
            if d:
                demonyms.setdefault(d.lower(), name)
        for c in capitals.split(";"):
            if c:
                metonyms.setdefault(c.lower(), name)
    return names, demonyms, metonyms


def _key(text: str) -> str:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip().lower()


def country_of(text: str, *, place: bool = True, adjective: bool = True) -> str | None:
    """The canonical country a mention names, or None.

    ``place``: the mention was tagged as a place, so capitals count as the
    country's government. ``adjective``: demonyms (``South Korean``) count.
    """
    names, demonyms, metonyms = _tables()
    key = _key(text)
    if key in names:
        return names[key]
    if adjective and key in demonyms:
        return demonyms[key]
    if place and key in metonyms:
        return metonyms[key]
    return None


def country_names() -> set[str]:
    return set(_tables()[0].values())


def demonym_country(text: str) -> str | None:
    """The country an adjective such as ``South Korean`` refers to, or None."""
    return _tables()[1].get(_key(text))


# US states as news writes them: name | AP abbreviation | postal code. A description
# ("the Vermont senator") names the state its person is tied to ("Sen. Bernie Sanders (I-Vt.)").
_US_STATES = """
Alabama|Ala.|AL
Alaska|Alaska|AK
Arizona|Ariz.|AZ
Arkansas|Ark.|AR
California|Calif.|CA
Colorado|Colo.|CO
Connecticut|Conn.|CT
Delaware|Del.|DE
Florida|Fla.|FL
Georgia|Ga.|GA
Hawaii|Hawaii|HI
Idaho|Idaho|ID
Illinois|Ill.|IL
Indiana|Ind.|IN
Iowa|Iowa|IA
Kansas|Kan.|KS
Kentucky|Ky.|KY
Louisiana|La.|LA
Maine|Maine|ME
Maryland|Md.|MD
Massachusetts|Mass.|MA
Michigan|Mich.|MI
Minnesota|Minn.|MN
Mississippi|Miss.|MS
Missouri|Mo.|MO
Montana|Mont.|MT
Nebraska|Neb.|NE
Nevada|Nev.|NV
New Hampshire|N.H.|NH
New Jersey|N.J.|NJ
New Mexico|N.M.|NM
New York|N.Y.|NY
North Carolina|N.C.|NC
North Dakota|N.D.|ND
Ohio|Ohio|OH
Oklahoma|Okla.|OK
Oregon|Ore.|OR
Pennsylvania|Pa.|PA
Rhode Island|R.I.|RI
South Carolina|S.C.|SC
South Dakota|S.D.|SD
Tennessee|Tenn.|TN
Texas|Tex.|TX
Utah|Utah|UT
Vermont|Vt.|VT
Virginia|Va.|VA
Washington|Wash.|WA
West Virginia|W.Va.|WV
Wisconsin|Wis.|WI
Wyoming|Wyo.|WY
"""


@functools.lru_cache(maxsize=1)
def _state_table() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in _US_STATES.strip().splitlines():
        name, ap, postal = line.split("|")
        table[name.lower()] = (name, ap, postal)
    return table


def state_spellings(name: str) -> tuple[str, ...]:
    """The ways news writes a US state ("Vermont", "Vt.", "VT"), or () when ``name`` is none."""
    return _state_table().get(name.strip().lower(), ())
