"""The outbox: copies wait on disk until they are delivered, and a manifest says who got what.

An outbox is a folder (by default ``NAME-outbox/`` beside the brief)::

    NAME-outbox/
      manifest.json          # the brief and list it was made from, and every copy's state
      01-jane-doe/           # one folder per copy: its files, exactly as sent
        NAME-brief-copy1of5.pdf
        NAME-brief-copy1of5.docx

Every copy is rendered and written (into a temporary folder renamed into place)
before anything is sent, and the manifest is rewritten atomically after every
attempt, so a send that is stopped part way loses nothing: running it again
sends only the copies not yet marked ``sent``. Each copy has a Message-ID fixed
when the outbox is made, so a copy sent twice (the process died after the
server accepted it and before the manifest was written) can be recognised.

Delivery is by SMTP (:func:`deliver_smtp`, retried with exponential backoff;
a permanent 5xx refusal is not retried) or into a folder per recipient
(:func:`deliver_folder`). Settings come from ``briefing.toml``::

    [smtp]
    host = "smtp.example.org"     # default localhost
    port = 587                    # default 25, or 465 with ssl
    starttls = true               # upgrade the connection before logging in
    ssl = false                   # connect with TLS from the start (port 465)
    cafile = "our-ca.pem"         # certificates of an in-house authority to trust (default: the system's)
    user = "briefs"               # or BRIEFING_SMTP_USER; the password only from BRIEFING_SMTP_PASSWORD
    from = "briefs@example.org"   # the sender address (required to send by email)
    timeout = 30                  # seconds to wait for the server

    [distribution]
    delivery = "smtp"             # or "folder" (then folder = "PATH", relative to this file)
    attempts = 4                  # tries per copy before it is reported as failed
    retry_delay = 2               # seconds before the second try, doubled each time (at most 60)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import smtplib
import socket
import ssl
import tempfile
import time
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Callable, Mapping, Sequence

from .errors import OutputError, UsageError

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
OUTBOX_SUFFIX = "-outbox"
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
MIME_TYPES = {
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".md": ("text", "markdown"),
    ".html": ("text", "html"),
}
PASSWORD_ENV = "BRIEFING_SMTP_PASSWORD"
USER_ENV = "BRIEFING_SMTP_USER"
SMTP_KEYS = {"host", "port", "starttls", "ssl", "cafile", "user", "from", "timeout"}
DISTRIBUTION_KEYS = {"delivery", "folder", "attempts", "retry_delay"}
DELIVERIES = ("smtp", "folder")
DEFAULT_ATTEMPTS = 4
DEFAULT_RETRY_DELAY = 2.0  # seconds before the second attempt; doubled each time after
MAX_RETRY_DELAY = 60.0
DEFAULT_TIMEOUT = 30.0
PERMANENT_CODES = range(500, 600)  # the server will say the same again: do not retry


# -- settings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send mail; the password never comes from the command line."""

    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    ssl: bool = False
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    timeout: float = DEFAULT_TIMEOUT
    cafile: Path | None = None  # None: the system's certificate authorities

    @property
    def address(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def tls_context(self) -> ssl.SSLContext:
        """Verifies the server's certificate and name, against ``cafile`` when one is given."""
        return ssl.create_default_context(cafile=str(self.cafile) if self.cafile else None)


@dataclass(frozen=True)
class RetryPolicy:
    """How often to try a copy, and how long to wait between tries (doubling each time)."""

    attempts: int = DEFAULT_ATTEMPTS
    base_delay: float = DEFAULT_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY

    def delay(self, failed_attempts: int) -> float:
        return min(self.max_delay, self.base_delay * 2 ** (failed_attempts - 1))


def _table(cfg: Mapping, name: str, known: set[str]) -> dict:
    table = cfg.get(name) or {}
    where = cfg.get("config_path", "briefing.toml")
    if not isinstance(table, dict):
        raise UsageError(f"{where}: [{name}] must be a table")
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(f"{where}: unknown [{name}] setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return table


def smtp_settings(cfg: Mapping, environ: Mapping[str, str] | None = None) -> SmtpSettings:
    """The ``[smtp]`` table of briefing.toml, with the user and password from the environment.

    Raises :class:`UsageError` for a bad value, a missing ``from`` address, or a user
    without a password.
    """
    environ = os.environ if environ is None else environ
    table = _table(cfg, "smtp", SMTP_KEYS)
    where = f"{cfg.get('config_path', 'briefing.toml')}: [smtp]"
    use_ssl = _bool(table, "ssl", where)
    port = table.get("port", 465 if use_ssl else 25)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise UsageError(f"{where} port must be a number from 1 to 65535, not {port!r}")
    timeout = table.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        raise UsageError(f"{where} timeout must be a positive number of seconds, not {timeout!r}")
    sender = str(table.get("from", "")).strip()
    if "@" not in sender:
        raise UsageError(f"{where} needs from = \"briefs@example.org\" (the sender address) to send by email")
    cafile = None
    if table.get("cafile"):
        cafile = Path(str(table["cafile"])).expanduser()
        if not cafile.is_absolute() and cfg.get("config_path"):
            cafile = Path(cfg["config_path"]).parent / cafile
        try:
            ssl.create_default_context(cafile=str(cafile))
        except (OSError, ssl.SSLError) as exc:
            raise UsageError(f"{where} cafile {str(cafile)!r} is not a readable PEM certificate file ({exc})") from None
    user = environ.get(USER_ENV) or str(table.get("user", ""))
    password = environ.get(PASSWORD_ENV, "")
    if user and not password:
        raise UsageError(f"SMTP user {user!r} has no password: set it in the environment variable {PASSWORD_ENV}")
    return SmtpSettings(host=str(table.get("host", "localhost")), port=port, starttls=_bool(table, "starttls", where),
                        ssl=use_ssl, user=user, password=password, sender=sender, timeout=float(timeout),
                        cafile=cafile)


def _bool(table: Mapping, key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise UsageError(f"{where} {key} must be true or false, not {value!r}")
    return value


def distribution_settings(cfg: Mapping) -> tuple[str, Path | None, RetryPolicy]:
    """The ``[distribution]`` table: delivery ("smtp" or "folder"), the folder, and the retry policy."""
    table = _table(cfg, "distribution", DISTRIBUTION_KEYS)
    where = f"{cfg.get('config_path', 'briefing.toml')}: [distribution]"
    delivery = table.get("delivery", "smtp")
    if delivery not in DELIVERIES:
        raise UsageError(f"{where} delivery must be one of {', '.join(DELIVERIES)}, not {delivery!r}")
    folder = table.get("folder")
    if folder is not None:
        base = Path(cfg["config_path"]).parent if cfg.get("config_path") else Path(".")
        folder = base / Path(str(folder)).expanduser()
    if delivery == "folder" and folder is None:
        raise UsageError(f"{where} delivery = \"folder\" needs folder = \"PATH\"")
    attempts = table.get("attempts", DEFAULT_ATTEMPTS)
    if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 1:
        raise UsageError(f"{where} attempts must be a whole number of at least 1, not {attempts!r}")
    delay = table.get("retry_delay", DEFAULT_RETRY_DELAY)
    if not isinstance(delay, (int, float)) or isinstance(delay, bool) or delay < 0:
        raise UsageError(f"{where} retry_delay must be a number of seconds, not {delay!r}")
    return delivery, folder, RetryPolicy(attempts=attempts, base_delay=float(delay))


# -- the outbox on disk ------------------------------------------------------------------


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_identity(path: str | Path) -> dict:
    """A file as the manifest names it: where it was and the sha256 of its bytes."""
    path = Path(path)
    try:
        return {"path": str(path), "sha256": sha256_of(path.read_bytes())}
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def default_outbox(brief: str | Path) -> Path:
    """``NAME-outbox`` beside the brief (``-brief`` dropped from NAME)."""
    brief = Path(brief)
    stem = brief.stem[: -len("-brief")] if brief.stem.endswith("-brief") else brief.stem
    return brief.parent / f"{stem}{OUTBOX_SUFFIX}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _write_json(path: Path, data) -> None:
    from .render import atomic_write

    atomic_write(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


class Outbox:
    """An outbox folder and its manifest; :meth:`record` saves every change at once."""

    def __init__(self, folder: Path, manifest: dict):
        self.folder = Path(folder)
        self.manifest = manifest

    @property
    def copies(self) -> list[dict]:
        return self.manifest["copies"]

    def matches(self, brief: Mapping, recipients: Mapping) -> bool:
        """Whether this outbox was made from these bytes of brief and list."""
        return (self.manifest["brief"]["sha256"] == brief["sha256"]
                and self.manifest["list"]["sha256"] == recipients["sha256"])

    def files(self, entry: Mapping) -> dict[str, bytes]:
        """A copy's files as prepared, checked against the manifest's sha256."""
        data = {}
        for item in entry["files"]:
            path = self.folder / entry["folder"] / item["name"]
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise OutputError(f"{path}: cannot read the prepared copy ({exc.strerror or exc}); "
                                  "start a fresh outbox with --new") from None
            if sha256_of(content) != item["sha256"]:
                raise OutputError(f"{path}: changed since the outbox was prepared (sha256 differs); "
                                  "start a fresh outbox with --new")
            data[item["name"]] = content
        return data

    def record(self, entry: dict, **changes) -> None:
        entry.update(changes)
        _write_json(self.folder / MANIFEST, self.manifest)

    def save(self) -> None:
        _write_json(self.folder / MANIFEST, self.manifest)


def load_outbox(folder: str | Path) -> Outbox | None:
    """The outbox in ``folder``, or None when there is none; a folder that is not one is an error."""
    folder = Path(folder)
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return None  # an empty folder named with --outbox is fine to fill
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise UsageError(f"{folder}: exists but is not an outbox (no {MANIFEST}); choose another with --outbox")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("version") != MANIFEST_VERSION or not isinstance(manifest.get("copies"), list):
            raise ValueError(f"unknown manifest version {manifest.get('version')!r}")
    except (OSError, ValueError) as exc:
        raise UsageError(f"{manifest_path}: cannot read the manifest ({exc}); move the outbox aside "
                         "or start a fresh one with --new") from None
    return Outbox(folder, manifest)


def archive_outbox(folder: Path) -> Path:
    """Move an old outbox aside (``NAME-outbox.YYYYMMDDTHHMMSS``) so nothing in it is lost."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = folder.with_name(f"{folder.name}.{stamp}")
    try:
        folder.rename(target)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot move the old outbox aside ({exc.strerror or exc})") from None
    return target


def message_id(brief_sha: str, list_sha: str, prepared_at: str, number: int, sender: str = "") -> str:
    """A Message-ID fixed for a copy of one outbox, so a duplicate delivery can be recognised."""
    token = sha256_of(f"{brief_sha}\n{list_sha}\n{prepared_at}".encode())[:20]
    domain = sender.rpartition("@")[2] or "briefing.invalid"
    return f"<briefing.{token}.copy{number}@{domain}>"


def prepare_outbox(folder: str | Path, brief: Mapping, recipients: Mapping, prepared: Sequence,
                   *, sender: str = "") -> Outbox:
    """Write every prepared copy and the manifest into a new outbox ``folder``.

    Everything is written into a temporary folder beside it that is renamed into
    place, so an outbox either exists whole or not at all. ``brief`` and
    ``recipients`` are :func:`file_identity` records; ``prepared`` are
    :class:`~briefing.distribution.PreparedCopy`.
    """
    folder = Path(folder)
    parent = folder.parent
    if not parent.is_dir():
        raise OutputError(f"{folder}: the folder {parent} does not exist; create it or choose another with --outbox")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(f"{folder}: already exists; use --new to start a fresh outbox")
    prepared_at = _now()
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the outbox ({exc.strerror or exc})") from None
    try:
        entries = []
        for item in prepared:
            copy = item.copy
            sub = f"{copy.number:02d}-{copy.slug}"
            (temp / sub).mkdir()
            for name, data in item.files.items():
                (temp / sub / name).write_bytes(data)
            entries.append({
                "number": copy.number, "copy": copy.label, "dtg": copy.dtg,
                "recipient": copy.recipient.name, "role": copy.recipient.role, "email": copy.recipient.email,
                "audience": copy.recipient.audience, "slug": copy.slug, "folder": sub,
                "subject": item.subject, "body": item.body,
                "files": [{"name": n, "sha256": sha256_of(d), "bytes": len(d)} for n, d in item.files.items()],
                "message_id": message_id(brief["sha256"], recipients["sha256"], prepared_at, copy.number, sender),
                "status": PENDING, "attempts": 0, "sent_at": None, "destination": None, "last_error": None,
            })
        manifest = {"version": MANIFEST_VERSION, "brief": dict(brief), "list": dict(recipients),
                    "prepared_at": prepared_at, "copies": entries}
        _write_json(temp / MANIFEST, manifest)
        os.chmod(temp, 0o777 & ~_umask())
        temp.rename(folder)  # replaces an empty folder, never a full one
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return Outbox(folder, manifest)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- delivery ----------------------------------------------------------------------------


@dataclass
class Report:
    """What one delivery run did: copies sent now, sent before, and failed (with why)."""

    sent: list[dict] = field(default_factory=list)
    already: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.sent)} sent, {len(self.already)} already sent, {len(self.failed)} failed"


Notify = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def build_message(outbox: Outbox, entry: Mapping, sender: str) -> EmailMessage:
    """The email that carries one copy: plain text body, the copy's files attached."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = Address(display_name=entry["recipient"], addr_spec=entry["email"])
    message["Subject"] = entry["subject"]
    message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    message["Message-ID"] = entry["message_id"]
    message["X-Briefing-Copy"] = f"{entry['copy']} {entry['dtg']}"
    message.set_content(entry["body"])
    for name, data in outbox.files(entry).items():
        maintype, subtype = MIME_TYPES.get(Path(name).suffix.lower(), ("application", "octet-stream"))
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


class _Connection:
    """One SMTP session, opened when first needed and again after the server drops it."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def get(self) -> smtplib.SMTP:
        if self.smtp is None:
            s = self.settings
            if s.ssl:
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=s.tls_context())
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            try:
                smtp.ehlo()
                if s.starttls:
                    smtp.starttls(context=s.tls_context())
                    smtp.ehlo()
                if s.user:
                    smtp.login(s.user, s.password)
            except BaseException:
                smtp.close()
                raise
            self.smtp = smtp
        return self.smtp

    def drop(self, *, polite: bool = False) -> None:
        """Close the session; ``polite`` says QUIT first (only when the session is known to be sound)."""
        if self.smtp is not None:
            smtp, self.smtp = self.smtp, None
            try:
                if polite:
                    smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            finally:
                smtp.close()


class _Unreachable(Exception):
    """The server could not be reached at all: trying the next copy would only wait again."""


def _refusal(exc: smtplib.SMTPException) -> tuple[int, str]:
    """The SMTP code and text of a refusal."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
    else:
        code, text = exc.smtp_code, exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return code, " ".join(str(text).split())


def deliver_smtp(outbox: Outbox, settings: SmtpSettings, policy: RetryPolicy = RetryPolicy(), *,
                 sleep: Callable[[float], None] = time.sleep, notify: Notify = _quiet) -> Report:
    """Send every copy not yet sent; the manifest is saved after every attempt.

    A refused or dropped connection is retried with exponential backoff; a 5xx
    refusal is recorded as failed at once; an unreachable server stops the run
    (the copies left are reported as failed, and a re-run tries them again). A
    login the server refuses raises :class:`UsageError`.
    """
    report = Report()
    connection = _Connection(settings)
    unreachable: str | None = None
    try:
        for entry in outbox.copies:
            if entry["status"] == SENT:
                report.already.append(entry)
                continue
            if unreachable:
                outbox.record(entry, status=FAILED, last_error=f"not tried: {unreachable}")
                report.failed.append(entry)
                continue
            if entry["status"] == SENDING:
                notify(f"{entry['copy']} to {entry['email']}: a previous run stopped while sending it; "
                       f"sending again with the same Message-ID {entry['message_id']}")
            try:
                _send_one(outbox, entry, connection, settings, policy, sleep, notify)
            except _Unreachable as exc:
                unreachable = str(exc)
            (report.sent if entry["status"] == SENT else report.failed).append(entry)
    except BaseException:
        connection.drop()
        raise
    connection.drop(polite=True)
    return report


def _send_one(outbox: Outbox, entry: dict, connection: _Connection, settings: SmtpSettings,
              policy: RetryPolicy, sleep, notify: Notify) -> None:
    message = build_message(outbox, entry, settings.sender)
    for attempt in range(1, policy.attempts + 1):
        outbox.record(entry, status=SENDING, attempts=entry["attempts"] + 1)
        reached = False
        try:
            smtp = connection.get()
            reached = True
            smtp.send_message(message, from_addr=settings.sender, to_addrs=[entry["email"]])
        except smtplib.SMTPAuthenticationError as exc:
            connection.drop()
            code, text = _refusal(exc)
            outbox.record(entry, status=FAILED, last_error=f"login refused: {code} {text}")
            raise UsageError(f"{settings.address} refused the login for {settings.user!r} ({code} {text}); "
                             f"check {USER_ENV} and {PASSWORD_ENV}") from None
        except ssl.SSLCertVerificationError as exc:
            # Retrying cannot make an untrusted certificate trusted: a setting must change.
            connection.drop()
            outbox.record(entry, status=FAILED, last_error=f"certificate not trusted: {exc.verify_message}")
            raise UsageError(f"{settings.address}: the server's certificate is not trusted ({exc.verify_message}); "
                             f"if your organization runs its own certificate authority, name its certificate "
                             f"with cafile under [smtp]") from None
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            code, text = _refusal(exc)
            error = f"{settings.address} refused it: {code} {text}"
            if code in PERMANENT_CODES:
                outbox.record(entry, status=FAILED, last_error=error)
                notify(f"{entry['copy']} to {entry['email']}: {error}; not retried")
                return
            connection.drop()  # a fresh session for the retry
        except (smtplib.SMTPException, OSError) as exc:
            connection.drop()
            error = f"{settings.address}: {_describe(exc)}"
            if not reached and attempt == policy.attempts:
                outbox.record(entry, status=FAILED, last_error=error)
                raise _Unreachable(error) from None
        else:
            outbox.record(entry, status=SENT, sent_at=_now(), destination=f"{settings.address} {entry['email']}",
                          last_error=None)
            notify(f"{entry['copy']} sent to {entry['recipient']} <{entry['email']}>")
            return
        outbox.record(entry, status=FAILED, last_error=error)
        if attempt < policy.attempts:
            wait = policy.delay(attempt)
            notify(f"{entry['copy']} to {entry['email']}: {error}; retrying in {wait:g} s "
                   f"(attempt {attempt + 1} of {policy.attempts})")
            sleep(wait)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"the server closed the connection ({exc or 'no reason given'})"
    if isinstance(exc, (ConnectionRefusedError, socket.gaierror)):
        return f"cannot connect ({exc.strerror or exc})"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "no answer (timed out)"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_refusal(exc)[1]}"
    return f"{type(exc).__name__}: {getattr(exc, 'strerror', None) or exc}"


def deliver_folder(outbox: Outbox, destination: str | Path, *, notify: Notify = _quiet) -> Report:
    """Copy every copy not yet delivered into ``destination/<recipient>/``.

    Files are written atomically; a file already there with the same content counts
    as delivered, one with different content is never overwritten (the copy fails).
    """
    from .render import atomic_write

    destination = Path(destination)
    if not destination.is_dir():
        raise OutputError(f"{destination}: the delivery folder does not exist; create it or choose another")
    report = Report()
    for entry in outbox.copies:
        if entry["status"] == SENT:
            report.already.append(entry)
            continue
        target = destination / entry["slug"]
        outbox.record(entry, attempts=entry["attempts"] + 1)
        try:
            files = outbox.files(entry)
            target.mkdir(exist_ok=True)
            clashes = [n for n, d in files.items() if (target / n).exists() and (target / n).read_bytes() != d]
            if clashes:
                raise OutputError(f"{target / clashes[0]} exists with different content; not overwritten")
            for name, data in files.items():
                if not (target / name).exists():
                    atomic_write(target / name, data)
        except (OutputError, OSError) as exc:
            error = str(exc) if isinstance(exc, OutputError) else f"{target}: {exc.strerror or exc}"
            outbox.record(entry, status=FAILED, last_error=error)
            notify(f"{entry['copy']} for {entry['recipient']}: {error}")
            report.failed.append(entry)
            continue
        outbox.record(entry, status=SENT, sent_at=_now(), destination=str(target), last_error=None)
        notify(f"{entry['copy']} delivered to {target}")
        report.sent.append(entry)
    return report


# -- one call for the command line -----------------------------------------------------------


@dataclass(frozen=True)
class DeliveryPlan:
    """How a list will be delivered, checked before any slow work."""

    delivery: str  # "smtp" or "folder"
    folder: Path | None
    policy: RetryPolicy
    smtp: SmtpSettings | None
    recipients: list


def check_distribution(list_path: str | Path, cfg: Mapping, *, to_folder: str | Path | None = None,
                       templates: Sequence[Path] = (), environ: Mapping[str, str] | None = None) -> DeliveryPlan:
    """Settings, delivery folder and list checked, so a mistake is reported before a brief is made."""
    from .distribution import read_list
    from .templates import find_audiences

    delivery, folder, policy = distribution_settings(cfg)
    if to_folder is not None:
        delivery, folder = "folder", Path(to_folder)
    smtp = smtp_settings(cfg, environ) if delivery == "smtp" else None
    if delivery == "folder" and not Path(folder).is_dir():
        raise OutputError(f"{folder}: the delivery folder does not exist; create it or choose another")
    recipients = read_list(list_path, audiences=[a.name for a in find_audiences(templates)])
    return DeliveryPlan(delivery, folder, policy, smtp, recipients)


def distribute(brief_path: str | Path, list_path: str | Path, load_brief: Callable, *, cfg: Mapping,
               outbox: str | Path | None = None, to_folder: str | Path | None = None, dry_run: bool = False,
               new: bool = False, templates: Sequence[Path] = (), settings: Mapping | None = None, style=None,
               notify: Notify = _quiet, sleep: Callable[[float], None] = time.sleep,
               environ: Mapping[str, str] | None = None) -> Report | None:
    """Send one marked copy of a brief to everyone on a list (``briefing send``).

    ``load_brief()`` gives the :class:`~briefing.model.Briefing`; it is called only when
    a new outbox has to be prepared. Settings, list and outbox are checked before any
    work; an existing outbox for the same brief and list bytes is reused, one for
    others is refused unless ``new`` (which moves it aside). ``dry_run`` reports
    through ``notify`` what would go where and returns None, writing nothing.
    """
    from .distribution import plan_copies, prepare_copies

    plan = check_distribution(list_path, cfg, to_folder=to_folder, templates=templates, environ=environ)
    delivery, folder, policy, smtp, recipients = plan.delivery, plan.folder, plan.policy, plan.smtp, plan.recipients
    brief_id, list_id = file_identity(brief_path), file_identity(list_path)
    where = Path(outbox) if outbox is not None else default_outbox(brief_path)
    box = load_outbox(where)
    if box is not None and not box.matches(brief_id, list_id):
        if not new:
            raise UsageError(f"{where}: this outbox was made from another brief or list "
                             f"({box.manifest['brief']['path']}, {box.manifest['list']['path']}); pass --new "
                             "to move it aside and start again, or choose another with --outbox")
        if dry_run:
            notify(f"would move the old outbox {where} aside (--new)")
        else:
            notify(f"moved the old outbox aside to {archive_outbox(where)}")
        box = None
    destination = (lambda e: str(Path(folder) / e["slug"])) if delivery == "folder" else \
        (lambda e: f"{e['email']} via {smtp.address}")
    if dry_run:
        _dry_run(box, recipients, brief_path, destination, notify)
        return None
    if box is None:
        stem = default_outbox(brief_path).name[: -len(OUTBOX_SUFFIX)]
        copies = plan_copies(recipients)
        prepared = prepare_copies(load_brief(), copies, stem, templates=templates, settings=settings, style=style)
        box = prepare_outbox(where, brief_id, list_id, prepared, sender=smtp.sender if smtp else "")
        notify(f"prepared {len(prepared)} copies in {where}")
    else:
        notify(f"using the outbox {where}")
    if delivery == "folder":
        return deliver_folder(box, folder, notify=notify)
    return deliver_smtp(box, smtp, policy, sleep=sleep, notify=notify)


def _dry_run(box: Outbox | None, recipients, brief_path, destination, notify: Notify) -> None:
    from .distribution import file_names, plan_copies

    if box is None:
        stem = default_outbox(brief_path).name[: -len(OUTBOX_SUFFIX)]
        entries = [{"copy": c.label, "recipient": c.recipient.name, "email": c.recipient.email,
                    "audience": c.recipient.audience, "slug": c.slug, "status": PENDING,
                    "files": [{"name": n} for n in file_names(stem, c).values()]}
                   for c in plan_copies(recipients)]
    else:
        entries = box.copies
    for e in entries:
        state = "already sent" if e["status"] == SENT else "would send"
        names = ", ".join(f["name"] for f in e["files"])
        notify(f"{e['copy']}: {e['recipient']} <{e['email']}> [{e['audience']}] {names} -> "
               f"{destination(e)} ({state})")
    notify("dry run: nothing sent, nothing written")
