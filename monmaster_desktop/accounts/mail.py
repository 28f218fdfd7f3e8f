"""The simulated mail: activation messages as real RFC 5322 mails, kept in the database's outbox.

Nothing is ever delivered: the outbox is a table of the account database (like Django's ``locmem``
back-end's ``outbox`` list, but persistent), written in the same transaction as the change that
caused the mail. A mail is written in the candidate's language, whatever the interface shows later.
No Qt import here; a mail never contains a password. The standard library's ``email``, ``html``
and ``urllib`` packages are imported by the functions that build or read a message, not with
this module: the operator's ``accounts list`` never needs them.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from monmaster_desktop import i18n, texts
from monmaster_desktop.accounts.store import Database, from_text, to_text

if TYPE_CHECKING:
    from email.message import EmailMessage
    from html.parser import HTMLParser

ACTIVATION_URL_SCHEME = "monmaster"
ACTIVATION_URL_HOST = "activer"
ACTIVATION_URL_PARAMETER = "jeton"
MESSAGE_ID_DOMAIN = "monmaster-desktop.invalid"
# Longer than any address the service accepts (254): a longer filter matches no mail.
MAX_RECIPIENT_LENGTH = 320


def activation_url(token: str) -> str:
    from urllib.parse import urlencode

    return f"{ACTIVATION_URL_SCHEME}://{ACTIVATION_URL_HOST}?{urlencode({ACTIVATION_URL_PARAMETER: token})}"


def token_from_activation_url(url: str) -> str | None:
    """The token of a ``monmaster://activer?jeton=…`` link, or None for any other link."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme != ACTIVATION_URL_SCHEME or parts.netloc != ACTIVATION_URL_HOST:
        return None
    values = parse_qs(parts.query).get(ACTIVATION_URL_PARAMETER)
    return values[0] if values and values[0] else None


def build_activation_mail(
    recipient: str, token: str, sent_at: datetime, validity_hours: int, language: str = i18n.DEFAULT_LANGUAGE
) -> EmailMessage:
    """The seed's activation mail in ``language``, with a plain-text and an HTML alternative.

    ``Content-Language`` and the HTML document's ``lang`` name the language, so that a mail program and
    a screen reader read it with the right voice.
    """
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid
    from html import escape

    say = i18n.translator(language).gettext
    url = activation_url(token)
    greeting, welcome, body = (
        say(texts.ACTIVATION_MAIL_GREETING),
        say(texts.ACTIVATION_MAIL_WELCOME),
        say(texts.ACTIVATION_MAIL_BODY),
    )
    link_text, subject = say(texts.ACTIVATION_LINK_TEXT), say(texts.ACTIVATION_MAIL_SUBJECT)
    validity = say(texts.ACTIVATION_MAIL_VALIDITY).format(hours=validity_hours)
    signature_lines = [say(line) for line in texts.ACTIVATION_MAIL_SIGNATURE]
    description, automatic = say(texts.PLATFORM_DESCRIPTION), say(texts.AUTOMATIC_MESSAGE)
    signature = "\n".join(signature_lines)
    # French puts a space before the colon; the link line follows the language's own punctuation.
    link_line = say(texts.ACTIVATION_LINK_LINE).format(link=link_text, url=url)
    plain = (
        f"{greeting}\n\n{welcome}\n\n{body}\n\n{link_line}\n\n{validity}\n\n"
        f"{signature}\n\n{description}\n\n{automatic}\n"
    )
    signature_html = "<br>".join(escape(line) for line in signature_lines)
    welcome_html = escape(welcome).replace("Mon Master", "<strong>Mon Master</strong>", 1)
    rich = (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(subject)}</title></head><body>\n"
        f"<p>{escape(greeting)}</p>\n<p>{welcome_html}</p>\n"
        f"<p>{escape(body)}</p>\n"
        f'<p><a href="{escape(url)}">{escape(link_text)}</a></p>\n'
        f"<p>{escape(validity)}</p>\n<p>{signature_html}</p>\n"
        f"<p>{escape(description)}</p>\n<p><small>{escape(automatic)}</small></p>\n"
        "</body></html>\n"
    )
    # An internationalized address (allowed by check_email) needs the SMTPUTF8 flavour of RFC 5322.
    message = EmailMessage(policy=policy.SMTP if recipient.isascii() else policy.SMTPUTF8)
    message["From"] = Address(texts.MAIL_SENDER_NAME, addr_spec=texts.MAIL_SENDER_ADDRESS)
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = make_msgid(domain=MESSAGE_ID_DOMAIN)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(plain)
    message.add_alternative(rich, subtype="html")
    # RFC 3282; after the content, whose setting clears every Content-* header.
    message["Content-Language"] = language
    return message


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    recipient: str
    subject: str
    sent_at: datetime
    read_at: datetime | None

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


@dataclass(frozen=True)
class MailSelection:
    """Which mails a list shows: every one, those to ``recipient`` (any case), those of ``mail_ids``.

    The kiosk lists only its current candidate's mails, by address or by the ids its session sent;
    given both, a mail must match both.
    """

    recipient: str | None = None
    mail_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class MailLink:
    text: str
    url: str


@dataclass(frozen=True)
class StoredMail:
    entry: OutboxEntry
    raw: bytes

    @functools.cached_property
    def message(self) -> EmailMessage:
        """The parsed message, parsed once: the window reads its headers, both bodies and its links."""
        from email import policy
        from email.message import EmailMessage
        from email.parser import BytesParser

        parsed = BytesParser(policy=policy.default).parsebytes(self.raw)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def text_body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return _display_lines(part.get_content()) if part is not None else ""

    @property
    def html_body(self) -> str | None:
        part = self.message.get_body(preferencelist=("html",))
        return _display_lines(part.get_content()) if part is not None else None

    @property
    def links(self) -> tuple[MailLink, ...]:
        """Every link of the HTML part, in order: the GUI offers each one as a real button."""
        body = self.html_body
        if body is None:
            return ()
        collector = _link_collector_class()()
        collector.feed(body)
        return tuple(collector.links)


def _display_lines(content: str) -> str:
    # The stored bytes keep RFC 5322's CRLF; screens and terminals want plain newlines.
    return content.replace("\r\n", "\n")


@functools.cache
def _link_collector_class() -> type[HTMLParser]:
    """The HTML parser that collects a mail's links (html.parser is imported at first use)."""
    from html.parser import HTMLParser

    class LinkCollector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.links: list[MailLink] = []
            self._href: str | None = None
            self._text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                self._href = dict(attrs).get("href") or None
                self._text = []

        def handle_data(self, data: str) -> None:
            if self._href is not None:
                self._text.append(data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "a" and self._href is not None:
                self.links.append(MailLink(" ".join("".join(self._text).split()), self._href))
                self._href = None

    return LinkCollector


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: SQLite could not even be asked
        return False
    return True


def _entry(row: sqlite3.Row) -> OutboxEntry:
    sent_at = from_text(row["sent_at"])
    assert sent_at is not None
    return OutboxEntry(row["id"], row["recipient"], row["subject"], sent_at, from_text(row["read_at"]))


_SUMMARY_COLUMNS = "id, recipient, subject, sent_at, read_at"
# Ids bound per query: SQLite allows 32,766 parameters (999 before 3.32); a page or a session needs few.
_IDS_PER_QUERY = 500


def _chunks(mail_ids: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
    for start in range(0, len(mail_ids), _IDS_PER_QUERY):
        yield mail_ids[start : start + _IDS_PER_QUERY]


def _where(selection: MailSelection) -> tuple[str | None, tuple[str, ...]]:
    """The WHERE clause (with its leading space) and parameters of a selection; None: no mail matches."""
    if selection.recipient is None:
        return " WHERE 1", ()
    recipient = selection.recipient
    if len(recipient) > MAX_RECIPIENT_LENGTH or not _is_utf8(recipient):
        return None, ()  # no stored address is that long or holds a lone surrogate
    # lower() as the index outbox_by_recipient has it (accounts/store.py), so the index serves it.
    return " WHERE lower(recipient) = lower(?)", (recipient,)


class Outbox:
    """The simulated mailbox every "sent" mail lands in, newest first."""

    def __init__(self, database: Database) -> None:
        self._database = database

    @staticmethod
    def add(
        connection: sqlite3.Connection, message: EmailMessage, sent_at: datetime, account_id: int | None
    ) -> int:
        """Store a mail inside the caller's transaction (so it exists if and only if its cause does)."""
        cursor = connection.execute(
            "INSERT INTO outbox (account_id, recipient, subject, sent_at, message) VALUES (?, ?, ?, ?, ?)",
            (account_id, str(message["To"]), str(message["Subject"]), to_text(sent_at), bytes(message)),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def list(self, recipient: str | None = None) -> list[OutboxEntry]:
        """The mails, newest first; only those to ``recipient`` (any case) when given.

        Raises ``StorageError`` (French) when the database cannot be read, like every reading here.
        """
        where, parameters = _where(MailSelection(recipient=recipient))
        if where is None:
            return []
        with self._database.reading() as connection:
            rows = connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM outbox{where} ORDER BY sent_at DESC, id DESC", parameters
            ).fetchall()
        return [_entry(row) for row in rows]

    def mail_ids(self, selection: MailSelection = MailSelection()) -> list[int]:
        """The ids of the selected mails, newest first: a list's rows, read from the indexes alone.

        A window knows every row's mail from this and reads the columns it shows a page at a time
        (``summaries``), and a message only when it is opened (``get``).
        """
        where, parameters = _where(selection)
        if where is None:
            return []
        with self._database.reading() as connection:
            if selection.mail_ids is None:
                query = f"SELECT id FROM outbox{where} ORDER BY sent_at DESC, id DESC"
                return [row[0] for row in connection.execute(query, parameters)]
            found: list[tuple[str, int]] = []
            for chunk in _chunks(tuple(dict.fromkeys(selection.mail_ids))):  # each id once
                query = f"SELECT sent_at, id FROM outbox{where} AND id IN ({', '.join('?' * len(chunk))})"
                found += [(row[0], row[1]) for row in connection.execute(query, (*parameters, *chunk))]
        return [mail_id for _sent_at, mail_id in sorted(found, reverse=True)]

    def summaries(self, mail_ids: Sequence[int]) -> dict[int, OutboxEntry]:
        """What a list shows of these mails (recipient, subject, dates), by id; never their messages.

        A mail that no longer exists is absent from the answer.
        """
        entries: dict[int, OutboxEntry] = {}
        with self._database.reading() as connection:
            for chunk in _chunks(tuple(mail_ids)):
                query = f"SELECT {_SUMMARY_COLUMNS} FROM outbox WHERE id IN ({', '.join('?' * len(chunk))})"
                for row in connection.execute(query, chunk):
                    entries[row["id"]] = _entry(row)
        return entries

    def get(self, mail_id: int) -> StoredMail | None:
        with self._database.reading() as connection:
            row = connection.execute(
                f"SELECT {_SUMMARY_COLUMNS}, message FROM outbox WHERE id = ?", (mail_id,)
            ).fetchone()
        return None if row is None else StoredMail(_entry(row), bytes(row["message"]))

    def unread_count(self) -> int:
        with self._database.reading() as connection:
            return int(connection.execute("SELECT count(*) FROM outbox WHERE read_at IS NULL").fetchone()[0])

    def mark_read(self, mail_id: int, when: datetime) -> bool:
        with self._database.transaction() as connection:
            cursor = connection.execute(
                "UPDATE outbox SET read_at = ? WHERE id = ? AND read_at IS NULL", (to_text(when), mail_id)
            )
        return cursor.rowcount == 1

    def export_eml(self, mail_id: int, destination: Path) -> Path:
        """Write the mail as a ``.eml`` file any mail client opens; returns the path written."""
        stored = self.get(mail_id)
        if stored is None:
            raise KeyError(mail_id)
        destination = Path(destination)
        destination.write_bytes(stored.raw)
        return destination
