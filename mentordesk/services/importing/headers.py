"""Recognising what a column holds from its header text.

Exports name the same thing many ways: ``Email``, ``E-Mail-Adresse``, ``Attendee Email``,
``Buyer Email``, ``Which topics interest you?``. A header is normalised (accents, case,
punctuation and spacing dropped, ``#`` read as "number"), then looked up in a table of synonyms
(English plus common German, French, Spanish, Italian and Dutch), then, for form questions,
matched against keyword rules. Each match has a score, so that when two columns could feed the
same field the better one wins: an exact synonym beats a keyword match, and a column about the
attendee (``Attendee #``, ``Ticket Email``) beats one about the buyer (``Order #``, ``Buyer Email``),
because one order can hold tickets for several people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mentordesk.models.normalize import fold
from mentordesk.services.importing.fields import Field

EXACT = 100
CORE_EXACT = 95
KEYWORD = 60
ATTENDEE_LEVEL = 10
BUYER_LEVEL = -40

_ATTENDEE_WORDS = frozenset(
    "attendee attendees ticket participant registrant guest holder ticketholder delegate your teilnehmer "
    "teilnehmerin participante asistente partecipante".split()
)
_BUYER_WORDS = frozenset(
    "buyer purchaser order billing booker payer customer account booking bestellung besteller kaufer "
    "acheteur commande comprador pedido".split()
)


def _words(field: Field | None, text: str, adjust: int = 0) -> dict[str, tuple[Field | None, int]]:
    return {header: (field, adjust) for header in text.split("|")}


# Normalised header → (field, score adjustment). A field of None marks headers that look like
# ours but are not (``Event Name`` is not a person's name; marketing opt-ins are not consent).
SYNONYMS: dict[str, tuple[Field | None, int]] = {
    **_words(Field.FIRST_NAME,
             "first name|firstname|first|given name|given names|forename|forenames|fname|christian name|"
             "name first|vorname|vornamen|prenom|prenoms|nombre|nombres|nome|voornaam|fornavn|fornamn|"
             "etunimi|imie|jmeno"),
    **_words(Field.LAST_NAME,
             "last name|lastname|last|surname|surnames|family name|lname|name last|nachname|familienname|"
             "nom|nom de famille|apellido|apellidos|cognome|achternaam|efternamn|etternavn|sukunimi|"
             "nazwisko|prijmeni|sobrenome"),
    **_words(Field.FULL_NAME,
             "name|names|full name|fullname|your name|your full name|complete name|display name|badge name|"
             "name on badge|name and surname|first and last name|first name and last name|what is your name|"
             "what s your name|vollstandiger name|nom complet|nom et prenom|prenom et nom|nombre completo|"
             "nombre y apellidos|nome completo|nome e cognome|naam|volledige naam|imie i nazwisko"),
    **_words(Field.EMAIL,
             "email|email address|emailaddress|mail|mail address|email adresse|emailadresse|mailadresse|"
             "mail adresse|courriel|adresse email|adresse courriel|adresse electronique|correo|"
             "correo electronico|direccion de correo|indirizzo email|email id|work email|business email|"
             "what is your email|what is your email address"),
    **_words(Field.ROLE,
             "role|rolle|rol|participant type|attendee type|participant role|participation type|i am a|i am|"
             "i m a|im a|are you a|i am joining as|joining as|participating as|attending as|registering as|"
             "i am registering as|mentor or mentee|mentor mentee|mentee or mentor|are you a mentor or a mentee|"
             "are you a mentor or mentee|ich bin|je suis|soy"),
    **_words(Field.TICKET_TYPE,
             "ticket type|ticket|tickets|ticket class|ticket name|ticket tier|ticket category|ticket level|"
             "ticket title|ticket type name|ticket kind|pass|pass type|registration type|registration category|"
             "admission type|type|category|release|ticketart|tickettyp|type de billet|billet|"
             "tipo de entrada|tipo de boleto|entrada|biglietto|tipo di biglietto"),
    **_words(Field.ORGANIZATION,
             "company|company name|organisation|organization|organisation name|organization name|org|employer|"
             "institution|university|school|college|affiliation|firm|business|business name|"
             "company organisation|company organization|company or organisation|company or organization|"
             "organisation company|organization company|company school|where do you work|firma|unternehmen|"
             "arbeitgeber|entreprise|societe|employeur|empresa|organizacion|institucion|azienda|"
             "organizzazione|bedrijf|organisatie"),
    **_words(Field.TITLE,
             "job title|title|jobtitle|position|job|job position|job role|current role|role title|occupation|"
             "profession|designation|what is your job title|berufsbezeichnung|beruf|funktion|poste|fonction|"
             "titre|cargo|puesto|titulo|functie"),
    **_words(Field.PRONOUNS,
             "pronouns|pronoun|preferred pronouns|your pronouns|what are your pronouns|pronomen|pronoms|"
             "pronombres"),
    **_words(Field.DEPARTMENT,
             "department|dept|division|team|unit|grade|grade level|year group|school year|class|faculty|"
             "abteilung|klasse|jahrgang|departement|classe|departamento|curso|dipartimento"),
    **_words(Field.TOPICS,
             "topics|topic|interests|interest|areas of interest|interest areas|topics of interest|expertise|"
             "areas of expertise|skills|themes|subjects|mentoring topics|focus areas|themen|interessen|"
             "interessengebiete|sujets|centres d interet|temas|intereses|areas de interes|interessi|argomenti"),
    **_words(Field.REQUESTED_MENTORS,
             "preferred mentors|preferred mentor|requested mentors|requested mentor|mentor requests|"
             "mentor request|mentor preferences|mentor preference|mentor choices|mentor choice|mentors|mentor|"
             "mentor wishes|which mentors would you like to meet|mentors you would like to meet|"
             "wunschmentoren|wunschmentor|bevorzugte mentoren|mentors souhaites|mentores preferidos|"
             "mentori preferiti"),
    **_words(Field.CONSENT,
             "consent|consent to share contact|consent to share contact details|share contact|"
             "share contact details|contact sharing|share details|gdpr|gdpr consent|opt in|optin|"
             "may we share your contact details|can we share your contact details|einwilligung|datenfreigabe|"
             "consentement|consentimiento|consenso"),
    **_words(Field.EXTERNAL_ID,
             "attendee number|attendee id|ticket number|ticket id|ticket reference|ticket code|registration id|"
             "registration number|registration code|participant id|participant number|external id|id|uid|"
             "reference|ref|confirmation number|confirmation code|response id|submission id|record id|"
             "student id|student number|employee id|employee number|member id|member number|api id|"
             "teilnehmernummer|ticketnummer|numero de billet"),
    **_words(Field.EXTERNAL_ID, "barcode|barcode number|number", adjust=-20),
    # "order" and "booking" already count as buyer-level words; the German compound does not.
    **_words(Field.EXTERNAL_ID, "order number|order id|order reference|booking reference"),
    **_words(Field.EXTERNAL_ID, "bestellnummer", adjust=BUYER_LEVEL),
    **_words(Field.STATUS,
             "status|attendee status|registration status|ticket status|approval status|rsvp|rsvp status|"
             "attendance status|attending|are you attending|teilnahmestatus|statut"),
    **_words(Field.STATUS, "order status|booking status"),
    **_words(Field.STATUS, "payment status", adjust=BUYER_LEVEL),
    **_words(Field.NOTES,
             "notes|note|comments|comment|remarks|additional information|additional info|anything else|"
             "anything else we should know|message|notizen|anmerkungen|bemerkungen|kommentar|commentaires|"
             "remarques|notas|comentarios|observaciones"),
    **_words(None,
             "event name|event|order type|order date|timestamp|date|created|created at|quantity|price|"
             "price tier|total paid|fees paid|currency|marketing consent|marketing opt in|newsletter|"
             "preferred name|nickname|middle name|maiden name|username|user name|void|void status|voided"),
}

_KEYWORD_RULES: tuple[tuple[re.Pattern[str], Field | None], ...] = tuple(
    (re.compile(pattern), field)
    for pattern, field in (
        (r"\b(marketing|newsletter|promotion)", None),
        (r"\bmentors?\b.*\bmentees?\b|\bmentees?\b.*\bmentors?\b", Field.ROLE),
        (r"pronoun|pronom", Field.PRONOUNS),
        (r"email|\bmail\b|courriel|correo", Field.EMAIL),
        (r"\b(first|given|fore) ?names?\b|vorname|prenom", Field.FIRST_NAME),
        (r"\b(last|family|sur) ?names?\b|nachname|apellido|cognome", Field.LAST_NAME),
        (r"consent|einwillig|gdpr|\bopt ?in\b|\bshare\b.*\b(contact|details|email|information|info)\b", Field.CONSENT),
        (r"\bmentor(s|en|es|i)?\b.*\b(prefer|request|like|meet|want|wish|choice|choose|pick|select|favou?rite|"
         r"talk|speak)|\b(prefer|request|like|meet|want|wish|choose|pick|select|talk|speak)\w*\b.*\bmentor",
         Field.REQUESTED_MENTORS),
        (r"topic|interest|expertise|\bskill|subject|\bthem(a|e|es|en)\b|sujet|\btemas?\b|interes|interet|argoment",
         Field.TOPICS),
        (r"\b(role|rolle)\b.*\b(job|company|organi[sz]ation|work|employ|current)|\b(job|current|work)\b.*\brole\b",
         Field.TITLE),
        (r"\brole\b|\brolle\b|\bi am\b|\bi m\b|\b(joining|participating|attending|registering|signing up) as\b",
         Field.ROLE),
        (r"compan|organi[sz]ation|employer|institution|universit|school|college|affiliation|\bfirm\b|unternehmen|"
         r"entreprise|empresa|azienda|arbeitgeber|\bwhere do you (work|study)\b", Field.ORGANIZATION),
        (r"\bjob\b|title|position|occupation|profession|designation|beruf|\bposte\b|fonction|\bcargo\b|puesto",
         Field.TITLE),
        (r"department|\bdept\b|division|\bgrade\b|year group|\bclass\b|abteilung|departement|departamento|faculty|"
         r"klasse", Field.DEPARTMENT),
        (r"\b(attendee|ticket|registration|participant|order|booking|confirmation|member|student|employee|badge|"
         r"response|submission|record)\b.*\b(id|number|reference|ref|code|nummer|numero)\b", Field.EXTERNAL_ID),
        # Only statuses of the registration: "Discount Status" or "Will you attend the dinner?" are
        # columns whose values must not decide whether a row is skipped.
        (r"\b(attendee|registration|ticket|approval|attendance|booking|order|participant|participation|guest)\b"
         r".*\b(status|statut)\b|\brsvp\b", Field.STATUS),
        (r"\bticket|\bpass\b|registration type|admission|billet|entrada|boleto", Field.TICKET_TYPE),
        (r"\bnotes?\b|comment|remark|anything else|additional|bemerk|anmerk|observacion", Field.NOTES),
        (r"\b(event|company|organi[sz]ation|venue|school|team|file|user|emergency|manager|mentors?|parent|guardian|"
         r"business|contact|group|table|pet|nick|middle|maiden|preferred)\b", None),
        (r"\bnames?\b|\bnom\b|\bnombre\b|\bnaam\b", Field.FULL_NAME),
    )
)

_NUMBER_SIGNS = re.compile(r"#|\bno\.(?=\s|$)|\bnr\.?(?=\s|$)|\bnum\.?(?=\s|$)|\bnº")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[\W_]+")
# Form tools number questions ("3. Which topics …", "Q4: …") and mark required ones with "*".
_QUESTION_NUMBER = re.compile(r"^(q ?)?\d+ ")
_OPTIONAL = re.compile(r" (optional|required|freiwillig|facultatif|opcional)$")


@dataclass(frozen=True)
class HeaderMatch:
    field: Field
    score: int


def normalise(header: str) -> str:
    """A header reduced to lower-case words without accents or punctuation ("Order #" → "order number")."""
    text = fold(header)
    text = text.replace("e-mail", "email").replace("e mail", "email")
    text = _NUMBER_SIGNS.sub(" number ", text)
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    text = _QUESTION_NUMBER.sub("", text)
    return _OPTIONAL.sub("", text)


def match_header(header: str) -> HeaderMatch | None:
    """The field a column with this header most likely holds, with a score; None if none."""
    folded = fold(header)
    # Bracketed parts are usually hints ("Company (optional)", "Preferred mentors (up to 3)"), so
    # the header is tried without them first, then whole.
    variants = [normalise(_BRACKETED.sub(" ", folded)), normalise(header)]
    for text in variants:
        if not text:
            continue
        decided, found = _match_normalised(text)
        if decided:
            return found
    return None


def _match_normalised(text: str) -> tuple[bool, HeaderMatch | None]:
    """Whether ``text`` is recognised at all, and as which field (None: recognised as not ours)."""
    tokens = text.split()
    level = _level(tokens)
    core = " ".join(token for token in tokens if token not in _ATTENDEE_WORDS and token not in _BUYER_WORDS)
    for key, base in ((text, EXACT), (core, CORE_EXACT)):
        if key in SYNONYMS:
            field, adjust = SYNONYMS[key]
            return True, (HeaderMatch(field, base + adjust + level) if field is not None else None)
    for pattern, rule_field in _KEYWORD_RULES:
        if pattern.search(text):
            return True, (HeaderMatch(rule_field, KEYWORD + level) if rule_field is not None else None)
    return False, None


def _level(tokens: list[str]) -> int:
    if any(token in _BUYER_WORDS for token in tokens):
        return BUYER_LEVEL
    if any(token in _ATTENDEE_WORDS for token in tokens):
        return ATTENDEE_LEVEL
    return 0
