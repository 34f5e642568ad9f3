"""Short Dutch phrases for demo notes. Invented for the demo; no real cases."""

from __future__ import annotations

from schakel.cases.constants import EventKind, Source
from schakel.tenancy.constants import UnitKind

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    UnitKind.YOUTH: (
        "Zorgen over schoolverzuim en spanningen thuis.",
        "Moeder vraagt hulp bij opvoeding na scheiding; ook geldzorgen.",
        "Kind is teruggetrokken, ouders weten niet waar ze moeten beginnen.",
        "School signaleert vermoeidheid en onverzorgd uiterlijk; ouder overbelast.",
        "Ruzies tussen ouders, kinderen zijn er getuige van.",
        "Jongere blowt veel en gaat niet meer naar school; huurachterstand.",
        "Ouder met psychische klachten, zorgen om de draagkracht.",
        "Broertje en zusje vaak alleen thuis; ouder werkt nachtdiensten.",
        "Gezin net verhuisd, geen netwerk, schulden lopen op.",
    ),
    UnitKind.ADULTS: (
        "Huurachterstand van drie maanden, post wordt niet geopend.",
        "Oudere meneer vereenzaamt, valt vaker, eten lukt slecht.",
        "Verward gedrag in het portiek, buren maken zich zorgen.",
        "Schulden en dreigende afsluiting energie; weinig overzicht.",
        "Mantelzorger raakt overbelast, vraagt ondersteuning.",
        "Na ontslag uit kliniek geen dagbesteding en geen netwerk.",
        "Vervuiling van de woning gemeld door corporatie.",
        "Geen inkomen sinds twee maanden, vraagt hulp bij aanvraag uitkering.",
        "Overlast en alcoholgebruik, wijkagent maakt zich zorgen.",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    EventKind.REFERRER_CONTACTED: (
        "Verwijzer teruggebeld, situatie besproken.", "Verwijzer gemaild, afspraken bevestigd.",
    ),
    EventKind.RESIDENT_CONTACTED: (
        "Telefonisch contact, afspraak voor huisbezoek gemaakt.",
        "Na drie pogingen bereikt.", "Bewoner belde zelf terug.",
    ),
    EventKind.KITCHEN_TABLE: (
        "Huisbezoek: beide ouders aanwezig.", "Gesprek op kantoor op verzoek van bewoner.",
        "Keukentafelgesprek samen met dochter (mantelzorger).",
        "Eerste gesprek, leefgebieden doorgelopen.",
    ),
    EventKind.HELP_STARTED: (
        "Eerste begeleidingsafspraak.", "Start wekelijkse huisbezoeken.",
        "Start begeleiding na wachttijd.",
    ),
    EventKind.PLAN_AGREED: (
        "Plan besproken en ondertekend.", "Plan met doelen op financiën en wonen.",
        "Plan afgestemd met school.",
    ),
    EventKind.SCALED_DOWN: (
        "Afgeschaald: specialistische hulp afgerond, lichte begeleiding blijft.",
        "Afgeschaald naar steun uit het netwerk.",
    ),
    EventKind.DIRECTOR_CHANGED: (
        "Zwangerschapsverlof.", "Medewerker uit dienst.", "Caseload herverdeeld.",
        "Betere aansluiting bij specialisme.", "Langdurig ziek.",
    ),
    EventKind.AFTERCARE_ENDED: (
        "Waakvlam afgerond, het gaat goed.", "Nazorgcontact gehad, geen vragen meer.",
    ),
    EventKind.CLOSED: (
        "Doelen behaald.", "Afgesloten in overleg met bewoner.",
        "Overgedragen, warme overdracht gedaan.",
    ),
}

SCALE_UP: dict[str, tuple[str, ...]] = {
    UnitKind.YOUTH: (
        "Opgeschaald naar specialistische jeugdhulp (ambulant).",
        "Verwezen naar jeugd-GGZ; overbruggingshulp door team.",
        "Melding bij Jeugdbeschermingsplein.",
    ),
    UnitKind.ADULTS: (
        "Opgeschaald naar GGZ-behandeling.", "Aanvraag maatwerkvoorziening Wmo begeleiding.",
        "Aangemeld bij schuldhulpverlening.", "Opgeschaald naar beschermd wonen.",
    ),
}

BACKDATE_REASONS = (
    "Huisbezoek, achteraf vastgelegd.", "Systeemstoring, later ingevoerd.",
    "Verslaglegging na teamoverleg.", "Buiten kantoor, geen toegang tot het dossier.",
)

EXTERNAL_ROLES = (
    ("schuldhulpverlener", "Schuldhulp Schiedam"),
    ("wijkverpleegkundige", "Thuiszorg Rivierzicht"),
    ("ambulant begeleider", "GGZ Ambulant Maasmond"),
    ("wijkagent", "Politie, wijkagenten Schiedam"),
    ("woonconsulent", "Woonstichting Maasoever"),
    ("intern begeleider", "Basisschool De Vlieger"),
    ("leerplichtambtenaar", "Gemeente Schiedam"),
    ("POH-GGZ", ""),
)
NETWORK_ROLES = ("buurvrouw", "zus", "broer", "mantelzorger", "vriendin", "oom", "maatje")

FIXED_REFERRERS = {
    Source.JONGERENLOKET: "Jongerenloket Schiedam",
    Source.CENTRAAL_ONTHAAL: "Centraal Onthaal",
    Source.VEILIG_THUIS: "Veilig Thuis (regio)",
}

SHORT_CONTACT_NOTES = (
    "Vraag over betalingsregeling beantwoord.", "Doorverwezen naar formulierenbrigade.",
    "Informatie gegeven over mantelzorgondersteuning.", "Vraag over huurtoeslag.",
    "Doorverwezen naar huisarts.", "Folder voedselbank meegegeven.",
    "Hulp bij het lezen van een brief.", "Vraag over kinderopvangtoeslag.",
)
