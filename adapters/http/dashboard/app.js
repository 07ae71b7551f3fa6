// The registrar's dashboard: a few pages over the JSON API, one request for each page's data.
// Plain JavaScript, no build step. Text from the server is always set as text, never as HTML.
"use strict";

const session = {
  get token() { return sessionStorage.getItem("bevaka.token"); },
  get me() { return JSON.parse(sessionStorage.getItem("bevaka.me") || "null"); },
  get asOf() { return sessionStorage.getItem("bevaka.asOf") || ""; },
  set asOf(day) { sessionStorage.setItem("bevaka.asOf", day); },
  start(token, me) {
    sessionStorage.setItem("bevaka.token", token);
    sessionStorage.setItem("bevaka.me", JSON.stringify(me));
  },
  end() { sessionStorage.clear(); },
};

// The Swedish state names every surface shares (adapters/views/swedish_names.cpp), served as
// state-names.js before this script.
/* global stateNames */
const assignmentStates = stateNames.assignment;
const roundStates = stateNames.round;
const roundKinds = stateNames.round_kind;
// The council as the municipality names it (config/bevaka.toml): KBR, Brå, Trygg i Österåker.
const council = stateNames.council.name;
const eventNames = {
  create: "Skapad", send: "Skickad", start: "Påbörjad", decide: "Beslutad i nämnd",
  submit: "Svar inlämnat", register: "Registrerad", decline: "Avstår", return: "Återsänd",
  extend: "Anstånd", "request-extension": "Begär anstånd", "deny-extension": "Anstånd avslaget",
  withdraw: "Återkallad", "close-answers": "Svarstiden stängd",
  close: "Obesvarad när svaren stängdes", "send-to-council": `Skickad till ${council}`,
  discuss: `Diskuterad i ${council}`, approve: "Godkänd av KS", remind: "Påminnelse skickad",
  escalate: "Påminnelse till registrator",
};
const roles = {
  admin: "administratör", registrar: "registrator", coordinator: "samordnare",
  secretary: "nämndsekreterare", viewer: "läsare",
};

// h("p", {class: "x"}, "text", child): an element with attributes and children.
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function formatDate(iso) {
  if (!iso) return "–";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("sv-SE", {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
}

function days(n) { return n === 1 ? "1 arbetsdag" : `${n} arbetsdagar`; }

function say(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

// What a person reads when a request fails, by the error's kind (adapters/http/api_error.cpp):
// the server's detail is English, for the API's users and the logs, never for the page.
const errorMessages = {
  bad_input: "Uppgifterna kunde inte tolkas. Kontrollera dem och försök igen.",
  not_found: "Det som söktes finns inte. Kontrollera diarienumret eller organets namn.",
  duplicate: "Det finns redan något med samma namn eller diarienummer.",
  refused: "Ärendets läge tillåter inte den ändringen.",
  conflict: "Någon annan ändrade ärendet samtidigt. Ladda om sidan och försök igen.",
  forbidden: "Din roll får inte göra det här.",
  unauthorized: "Nyckeln gäller inte.",
  database: "Databasen svarar inte just nu. Försök igen om en stund.",
  internal: "Något gick fel i bevaka. Försök igen om en stund.",
  unreachable: "Kunde inte nå bevaka. Kontrollera nätverket och försök igen.",
};

class ApiError extends Error {
  constructor(status, kind) {
    super(errorMessages[kind] || `Något gick fel (HTTP ${status}). Försök igen om en stund.`);
    this.status = status;
    this.kind = kind;
  }
}

// A failure in words for the page; an error of the page's own (a bug) is no reading for users.
function messageOf(error) {
  return error instanceof ApiError ? error.message : errorMessages.internal;
}

// The day the last answer was for: the server's clock, or the day picked as "as of".
let today = "";

async function api(path, { method = "GET", body, token = session.token } = {}) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => { throw new ApiError(0, "unreachable"); });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, answer && answer.error);
  today = response.headers.get("Bevaka-Today") || today;
  return answer;
}

function withAsOf(path) {
  if (!session.asOf) return path;
  return `${path}${path.includes("?") ? "&" : "?"}as_of=${encodeURIComponent(session.asOf)}`;
}

function badge(state) {
  return h("span", { class: `badge state-${state}` }, assignmentStates[state] || state);
}

function roundLink(round) {
  return h("a", { href: `#/omgang/${round.id ?? round.round}` }, round.ref);
}

// --- Förfallna -------------------------------------------------------------------------------

function overdueChart(items) {
  const most = Math.max(...items.map((item) => item.working_days_overdue));
  return h("figure", { class: "chart" },
    h("figcaption", { id: "chart-title" }, "Arbetsdagar efter sista dag"),
    h("ol", { "aria-labelledby": "chart-title" }, items.map((item) => {
      const bar = h("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = `${Math.max(2, (100 * item.working_days_overdue) / most)}%`;
      return h("li", {},
        h("span", { class: "label" }, `${item.body} (${item.ref})`),
        h("span", { class: "track" }, bar),
        h("span", { class: "value" }, days(item.working_days_overdue)));
    })));
}

// Assignments of several rounds: body, round, title and deadline, then `columns` ({title,
// cell(item)}).
function bodiesTable(caption, items, columns, attributes = {}) {
  return h("table", attributes,
    h("caption", {}, caption),
    h("thead", {}, h("tr", {},
      ["Organ", "Diarienummer", "Ärende", "Sista dag", ...columns.map((c) => c.title)].map(
        (title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, items.map((item) => h("tr", {},
      h("th", { scope: "row" }, item.body),
      h("td", {}, roundLink(item)),
      h("td", {}, item.title),
      h("td", {}, formatDate(item.deadline)),
      columns.map((c) => c.cell(item))))));
}

function failedBadge(item) {
  if (!item.failed_reminders) return null;
  return h("span", { class: "badge failed" },
    item.failed_reminders === 1 ? "påminnelse gick inte fram"
                                : `${item.failed_reminders} påminnelser gick inte fram`);
}

function overdueTable(items) {
  return bodiesTable("Organ som inte har svarat i tid, mest försenade först", items, [
    { title: "Försenad",
      cell: (item) => h("td", { class: "number" }, days(item.working_days_overdue)) },
    { title: "Status", cell: (item) => h("td", {}, badge(item.state), failedBadge(item)) },
  ]);
}

// Bodies whose reminder the mail server refused: they may not know their deadline yet.
function failedTable(items) {
  return bodiesTable("Påminnelser som inte gick fram – kontakta organet", items, [
    { title: "Misslyckade påminnelser",
      cell: (item) => h("td", { class: "number" }, item.failed_reminders) },
    { title: "Status", cell: (item) => h("td", {}, badge(item.state)) },
  ], { id: "failed-reminders" });
}

// Extensions asked for and not yet answered: the registrar grants the day asked for, or denies
// it with a reason. They are open now, whichever day the page shows.
async function answerRequest(request, grant) {
  const who = `${request.body} i ${request.ref} (${request.title})`;
  const answer = grant
    ? await confirmChange(`Vill du bevilja anstånd till ${formatDate(request.requested_deadline)} ` +
                          `för ${who}?`, { note: { label: "Anteckning (frivillig)" } })
    : await confirmChange(`Vill du avslå anståndet för ${who}?`,
                          { note: { label: "Skäl", required: true } });
  if (!answer) return say("Ingen ändring gjordes.");
  const body = grant
    ? { event: "extend", deadline: request.requested_deadline, note: answer.note || undefined }
    : { event: "deny-extension", note: answer.note };
  try {
    await api(assignmentEventsPath(request.ref, request.body), { method: "POST", body });
    say(`Registrerat: ${grant ? "Anstånd beviljat" : "Anstånd avslaget"} för ${request.body} ` +
        `i ${request.ref}.`);
    await show();
  } catch (error) {
    say(`Ändringen gjordes inte. ${messageOf(error)}`, true);
  }
}

// Who may grant or deny: the roles whose tokens may record assignment events for any body
// (engine/access/access.cpp); others see the requests without the buttons.
function mayAnswerRequests() {
  return ["admin", "registrar"].includes(session.me.role);
}

function requestsTable(requests) {
  const mayAnswer = mayAnswerRequests();
  return bodiesTable("Begärda anstånd som väntar på beslut", requests, [
    { title: "Begärd sista dag", cell: (r) => h("td", {}, formatDate(r.requested_deadline)) },
    { title: "Skäl", cell: (r) => h("td", {}, r.note, h("span", { class: "by" }, ` (${r.by})`)) },
    ...(mayAnswer ? [{ title: "Beslut", cell: (r) => h("td", {}, h("div", { class: "buttons" },
      h("button", { type: "button", onclick: () => answerRequest(r, true) }, "Bevilja"),
      h("button", { type: "button", onclick: () => answerRequest(r, false) }, "Avslå"))) }]
      : []),
  ], { id: "extension-requests" });
}

async function overduePage() {
  const [items, requests] = await Promise.all(
    [api(withAsOf("/api/overdue")), api("/api/extension-requests")]);
  const late = items.filter((item) => item.working_days_overdue > 0);
  const failed = items.filter((item) => item.failed_reminders > 0);
  const page = [h("h1", {}, "Förfallna")];
  if (late.length === 0)
    page.push(h("p", { class: "empty" }, "Inga förfallna svar. Alla organ ligger i fas."));
  else
    page.push(h("p", {}, `${late.length} svar saknas efter sista dag.`), overdueChart(late),
              overdueTable(late));
  if (failed.length) page.push(failedTable(failed));
  if (requests.length) page.push(requestsTable(requests));
  return page;
}

// --- Omgångar --------------------------------------------------------------------------------

function progress(round) {
  const counted = round.assignments.filter((a) => a.state !== "withdrawn");
  const done = counted.filter((a) => ["submitted", "registered", "declined"].includes(a.state));
  const label = `${done.length} av ${counted.length} klara`;
  return h("p", { class: "progress" },
    h("progress", { value: done.length, max: Math.max(counted.length, 1), "aria-label": label }),
    h("span", {}, label));
}

function pastDeadline(assignment) {
  return ["sent", "drafting", "decided"].includes(assignment.state) && assignment.deadline < today;
}

function badges(round) {
  return h("ul", { class: "badges", "aria-label": "Organens status" },
    round.assignments.map((a) => h("li", {},
      h("span", { class: "body-name" }, a.body), " ", badge(a.state),
      pastDeadline(a) ? h("span", { class: "badge late" }, "efter sista dag") : null)));
}

function roundSummary(round) {
  return h("p", { class: "meta" },
    `${roundKinds[round.kind] || round.kind} · ${roundStates[round.state] || round.state} · `,
    `sista dag ${formatDate(round.deadline)}`,
    round.deadline_reason ? ` (${round.deadline_reason})` : "");
}

async function roundsPage() {
  const rounds = await api(withAsOf("/api/rounds"));
  const heading = h("h1", {}, "Omgångar");
  if (rounds.length === 0) return [heading, h("p", { class: "empty" }, "Inga omgångar ännu.")];
  return [heading, h("ul", { class: "rounds" }, rounds.map((round) => h("li", { class: "card" },
    h("h2", {}, roundLink(round), " ", round.title), roundSummary(round),
    progress(round), badges(round))))];
}

// --- En omgång med tidslinje -----------------------------------------------------------------

function assignmentTable(round) {
  return h("table", {},
    h("caption", {}, "Organen"),
    h("thead", {}, h("tr", {}, ["Organ", "Status", "Sista dag", "Inlämnad", "Sen"].map(
      (title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, round.assignments.map((a) => h("tr", {},
      h("th", { scope: "row" }, a.body), h("td", {}, badge(a.state)),
      h("td", {}, formatDate(a.deadline)), h("td", {}, formatDate(a.submitted_on)),
      h("td", { class: "number" },
        a.late_by_working_days === null ? "–" : days(a.late_by_working_days))))));
}

// What an event changed, in words: the deadline it moved ("2 maj 2016 → 20 maj 2016"), the day
// an answer arrived, the day asked for, and the state it left and entered when that changed.
// An extension keeps the state: it is told by its dates, never as "Skickad → Skickad".
function eventDetail(e) {
  const states = e.body ? assignmentStates : roundStates;
  const parts = [];
  if (e.deadline_from && e.deadline_to)
    parts.push(`: ${formatDate(e.deadline_from)} → ${formatDate(e.deadline_to)}`);
  if (e.requested_deadline) parts.push(` till ${formatDate(e.requested_deadline)}`);
  if (e.received) parts.push(`, mottaget ${formatDate(e.received)}`);
  if (e.from && e.from !== e.to)
    parts.push(` (${states[e.from] || e.from} → ${states[e.to] || e.to})`);
  return parts.join("");
}

function timeline(log) {
  return h("ol", { class: "timeline", "aria-label": "Tidslinje" }, log.map((e) => h("li", {},
    h("time", { datetime: e.at }, `${formatDate(e.at)} ${e.at.slice(11, 16)}`),
    h("p", {}, h("strong", {}, e.body || "Omgången"), ": ", eventNames[e.event] || e.event,
      eventDetail(e)),
    h("p", { class: "by" }, `av ${e.by}`, e.note ? ` – ${e.note}` : ""))));
}

const reminderKinds = {
  reminder: "Påminnelse", overdue: "Försenat svar", escalation: "Till registrator",
};
const reminderStates = stateNames.reminder;

function reminderTable(reminders) {
  if (reminders.length === 0) return h("p", { class: "empty" }, "Inga påminnelser.");
  return h("table", { id: "reminders" },
    h("caption", {}, "Påminnelser"),
    h("thead", {}, h("tr", {}, ["Organ", "Slag", "Dag", "Status", "Skickad", "Fel"].map(
      (title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, reminders.map((r) => h("tr", {},
      h("th", { scope: "row" }, r.body),
      h("td", {}, reminderKinds[r.kind] || r.kind),
      h("td", {}, formatDate(r.due_at)),
      h("td", {}, h("span", { class: `badge reminder-${r.state}` },
        reminderStates[r.state] || r.state)),
      h("td", {}, r.sent_at ? `${formatDate(r.sent_at)} ${r.sent_at.slice(11, 16)}` : "–"),
      h("td", {}, r.error || "–")))));
}

// The round's own steps after the answers (workflows/round.cpp): a consultation may go from
// closed answers straight to the board; an annual report must pass the council first.
const roundActions = [
  { event: "close-answers", label: "Stäng svarstiden", when: () => ["sent"],
    verb: "stänga svarstiden (organ som inte har svarat blir obesvarade)" },
  { event: "send-to-council", label: `Skicka till ${council}`, when: () => ["answers_closed"],
    verb: `registrera att omgången är skickad till ${council}` },
  { event: "discuss", label: `Diskuterad i ${council}`, when: () => ["sent_to_council"],
    verb: `registrera att ${council} har diskuterat omgången` },
  { event: "approve", label: "Godkänd av KS",
    when: (round) => (round.kind === "consultation" ? ["answers_closed", "discussed"]
                                                    : ["discussed"]),
    verb: "registrera att kommunstyrelsen har godkänt omgången" },
];

function mayRecordRoundEvents() {
  return ["admin", "registrar", "coordinator"].includes(session.me.role);
}

async function recordRoundEvent(round, action) {
  const answer = await confirmChange(
    `Vill du ${action.verb} för ${round.ref} (${round.title})?`,
    { note: { label: "Anteckning (frivillig)", required: false } });
  if (!answer) return say("Ingen ändring gjordes.");
  try {
    await api(`/api/rounds/${encodeURIComponent(round.ref)}/events`,
              { method: "POST", body: { event: action.event, note: answer.note || undefined } });
    say(`Registrerat: ${action.label} för ${round.ref}.`);
    await show();
  } catch (error) {
    say(`Ändringen gjordes inte. ${messageOf(error)}`, true);
  }
}

function roundButtons(round) {
  if (!mayRecordRoundEvents()) return null;
  const buttons = roundActions.filter((a) => a.when(round).includes(round.state)).map((a) =>
    h("button", { type: "button", onclick: () => recordRoundEvent(round, a) }, a.label));
  return buttons.length ? h("div", { class: "buttons round-actions" }, buttons) : null;
}

async function roundPage(key) {
  const { round, log, reminders } = await api(`/api/rounds/${encodeURIComponent(key)}/overview`);
  return [h("h1", {}, `${round.ref} ${round.title}`), roundSummary(round), progress(round),
    roundButtons(round), assignmentTable(round), h("h2", {}, "Tidslinje"), timeline(log),
    h("h2", {}, "Påminnelser"), reminderTable(reminders)];
}

// --- Ett organs uppdrag (nämndsekreterarens vy) ----------------------------------------------

const actions = [
  { event: "start", label: "Påbörja", when: ["sent"], verb: "markera arbetet som påbörjat" },
  { event: "decide", label: "Beslutad i nämnd", when: ["sent", "drafting"],
    verb: "registrera att nämnden har beslutat" },
  { event: "submit", label: "Lämna in svar", when: ["sent", "drafting", "decided"],
    verb: "registrera att svaret är inlämnat" },
  { event: "request-extension", label: "Begär anstånd", when: ["sent", "drafting", "decided"],
    verb: "begära anstånd till ett nytt datum", date: true, note: "Skäl" },
];

function mayWrite(body) {
  const me = session.me;
  if (me.role === "secretary") return me.body === body;
  return me.role === "admin" || me.role === "registrar";
}

// Opens the confirmation dialog; resolves to {deadline, note} when confirmed, null when not.
// `date` asks for a new deadline after {min}; `note` for a text under {label}, which the
// dialog will not confirm without when {required}.
function confirmChange(text, { date = null, note = null } = {}) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-text").textContent = text;
  const extra = document.getElementById("confirm-extra");
  extra.replaceChildren();
  let dateInput = null;
  let noteInput = null;
  if (date) {
    dateInput = h("input", { type: "date", id: "confirm-date", required: true, min: date.min });
    extra.append(h("p", {}, h("label", { for: "confirm-date" }, "Ny sista dag"), " ", dateInput));
  }
  if (note) {
    noteInput = h("textarea", { id: "confirm-note", rows: 3, required: note.required });
    extra.append(h("p", {}, h("label", { for: "confirm-note" }, note.label), noteInput));
  }
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "ok"
        ? { deadline: dateInput ? dateInput.value : undefined,
            note: noteInput ? noteInput.value.trim() : undefined }
        : null);
    }, { once: true });
    dialog.returnValue = "";
    dialog.showModal();
    (dateInput || noteInput || document.getElementById("confirm-cancel")).focus();
  });
}

// The day after `iso`: a new deadline must be later than the one it replaces.
function dayAfter(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function assignmentEventsPath(ref, body) {
  return `/api/rounds/${encodeURIComponent(ref)}/assignments/${encodeURIComponent(body)}/events`;
}

async function record(obligation, action) {
  const text = `Vill du ${action.verb} för ${obligation.body} i ${obligation.ref} ` +
               `(${obligation.title})?`;
  const answer = await confirmChange(text, {
    date: action.date ? { min: dayAfter(obligation.deadline) } : null,
    note: action.note ? { label: action.note, required: true } : null,
  });
  if (!answer) return say("Ingen ändring gjordes.");
  try {
    await api(assignmentEventsPath(obligation.ref, obligation.body), {
      method: "POST",
      body: { event: action.event, deadline: answer.deadline, note: answer.note },
    });
    say(`Registrerat: ${eventNames[action.event]} för ${obligation.body} i ${obligation.ref}.`);
    await show();
  } catch (error) {
    say(`Ändringen gjordes inte. ${messageOf(error)}`, true);
  }
}

// A request waits for the registrar: the body may not ask again until it is answered.
function actionsFor(obligation) {
  return actions.filter((a) => a.when.includes(obligation.state) &&
    !(a.event === "request-extension" && obligation.extension_request));
}

function requestNote(request) {
  if (!request) return null;
  return h("p", { class: "pending" },
    `Anstånd begärt till ${formatDate(request.deadline)} – väntar på registratorn.`);
}

function obligationCard(obligation) {
  const buttons = mayWrite(obligation.body)
    ? actionsFor(obligation).map((a) =>
        h("button", { type: "button", onclick: () => record(obligation, a) }, a.label))
    : [];
  const late = obligation.working_days_overdue;
  return h("li", { class: "card" },
    h("h2", {}, roundLink(obligation), " ", obligation.title),
    h("p", { class: "meta" }, badge(obligation.state), " ",
      `Sista dag ${formatDate(obligation.deadline)}`,
      obligation.deadline_reason ? ` (${obligation.deadline_reason})` : "",
      late ? h("span", { class: "badge late" }, `${days(late)} försenad`) : null),
    requestNote(obligation.extension_request),
    buttons.length ? h("div", { class: "buttons" }, buttons) : null);
}

async function bodyPage(key) {
  const obligations = await api(withAsOf(`/api/bodies/${encodeURIComponent(key)}/assignments`));
  const name = obligations.length ? obligations[0].body : key;
  const open = obligations.filter((o) => ["sent", "drafting", "decided"].includes(o.state));
  const closed = obligations.filter((o) => !open.includes(o));
  return [h("h1", {}, `Uppdrag för ${name}`),
    h("p", {}, "Ändringar registreras alltid med dagens datum, oavsett vilket datum som visas."),
    h("h2", {}, "Att besvara"),
    open.length ? h("ul", { class: "rounds" }, open.map(obligationCard))
                : h("p", { class: "empty" }, "Inget att besvara just nu."),
    h("h2", {}, "Besvarade och avslutade"),
    closed.length ? h("ul", { class: "rounds" }, closed.map(obligationCard))
                  : h("p", { class: "empty" }, "Inga ännu.")];
}

// --- Program: grupper, handlingsplaner med mål, budget, lagkravet ----------------------------

const groupKinds = {
  council: "Råd", "working-committee": "Arbetsutskott", "strategic-group": "Strategisk grupp",
  "crime-prevention-council": "Brottsförebyggande råd", "focus-group": "Fokusgrupp",
  "cooperation-group": "Samverkansgrupp",
};
const planStates = stateNames.action_plan;
const colours = { green: "Grön", yellow: "Gul", red: "Röd", "not-assessed": "Ej bedömd" };
const dutySteps = {
  "situation-picture": "Lägesbild", "action-plan": "Åtgärdsplan", "follow-up": "Uppföljning",
};

function kronor(n) { return `${n.toLocaleString("sv-SE")} kr`; }

function groupTable(groups) {
  if (groups.length === 0) return h("p", { class: "empty" }, "Inga grupper ännu.");
  return h("table", {},
    h("caption", {}, "Grupper och vem som samordnar dem"),
    h("thead", {}, h("tr", {}, ["Grupp", "Slag", "Samordnas av", "Del av", "Möten per år"].map(
      (title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, groups.map((g) => h("tr", {},
      h("th", { scope: "row" }, g.name), h("td", {}, groupKinds[g.kind] || g.kind),
      h("td", {}, g.coordinator), h("td", {}, g.part_of || "–"),
      h("td", { class: "number" }, g.meets_per_year ?? "–")))));
}

function colourBadge(year) {
  const label = colours[year.status] || year.status;
  return h("span", { class: `badge goal-${year.status}`, title: year.override
    ? `Ändrad av ${year.override.by}: ${year.override.reason}` : year.why },
    year.value === null ? label : `${label} (${year.value.toLocaleString("sv-SE")})`,
    year.override ? " *" : "");
}

// "minst 80 %": the goal's target, and which side of it is met.
function targetText(goal) {
  if (goal.target === null) return "–";
  const unit = goal.indicator && goal.indicator.unit ? ` ${goal.indicator.unit}` : "";
  const side = goal.direction === "decrease" ? "högst" : "minst";
  return `${side} ${goal.target.toLocaleString("sv-SE")}${unit}`;
}

function planCard(plan) {
  const years = plan.goals.length ? plan.goals[0].years.map((y) => y.year) : [];
  return h("li", { class: "card plan" },
    h("h3", {}, `${plan.ref} ${plan.title}`),
    h("p", { class: "meta" },
      `${plan.group} · ${plan.period} · ${planStates[plan.state] || plan.state}`),
    plan.goals.length === 0 ? h("p", { class: "empty" }, "Inga mål ännu.") :
      h("table", {},
        h("caption", {}, `Mål i ${plan.ref}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Mål"),
          h("th", { scope: "col" }, "Målvärde"),
          years.map((y) => h("th", { scope: "col" }, String(y))))),
        h("tbody", {}, plan.goals.map((goal) => h("tr", {},
          h("th", { scope: "row" }, goal.text),
          h("td", { class: "number" }, targetText(goal)),
          goal.years.map((y) => h("td", {}, colourBadge(y))))))));
}

function budgetChart(budget) {
  const most = Math.max(...budget.areas.map((a) => Math.max(a.planned, a.spent)), 1);
  const bar = (value, kind) => {
    const element = h("span", { class: `bar ${kind}`, "aria-hidden": "true" });
    element.style.width = value > 0 ? `${Math.max(1, (100 * value) / most)}%` : "0";
    return element;
  };
  return h("figure", { class: "chart budget" },
    h("figcaption", { id: "budget-title" },
      `Budget ${budget.year} (${budget.owner}): ${kronor(budget.spent)} använt av ` +
      `${kronor(budget.total)}`),
    h("ol", { "aria-labelledby": "budget-title" }, budget.areas.map((area) => h("li", {},
      h("span", { class: "label" }, area.name),
      h("span", { class: "track" }, bar(area.planned, "planned"), bar(area.spent, "spent")),
      h("span", { class: "value" }, `${kronor(area.spent)} av ${kronor(area.planned)}`)))),
    h("p", { class: "legend" }, h("span", { class: "key planned" }), " budget ",
      h("span", { class: "key spent" }), " använt"));
}

function dutySummary(duty) {
  if (!duty.next && duty.periods.length === 0)
    return h("p", {}, "Inget steg är aktuellt ännu: lagen (2023:196) gäller från 1 juli 2023.");
  if (!duty.next) return h("p", {}, "Alla steg i lagkravet är gjorda för perioden.");
  const step = dutySteps[duty.next.step] || duty.next.step;
  return h("p", {}, `Nästa steg: ${step}`, duty.next.period ? ` för ${duty.next.period}` : "",
    duty.next.missing_since ? `, saknas sedan ${formatDate(duty.next.missing_since)}.` : ".");
}

async function programmePage() {
  const [groups, plans, duty] = await Promise.all(
    [api("/api/groups"), api("/api/plans"), api(withAsOf("/api/duty"))]);
  const year = Number((session.asOf || today || new Date().toISOString()).slice(0, 4));
  const budgetYear = Number(sessionStorage.getItem("bevaka.budgetYear")) || year;
  const budget = await api(`/api/budgets/${budgetYear}`).catch((error) => {
    if (error.status === 404) return null;
    throw error;
  });
  const yearInput = h("input", { type: "number", id: "budget-year", min: 1900, max: 2999,
                                  value: budgetYear });
  const chooser = h("form", { class: "inline", onsubmit: (event) => {
    event.preventDefault();
    sessionStorage.setItem("bevaka.budgetYear", yearInput.value);
    show();
  } }, h("label", { for: "budget-year" }, "Budgetår"), " ", yearInput, " ",
    h("button", { type: "submit" }, "Visa"));
  return [h("h1", {}, "Program"),
    h("h2", {}, "Lagkravet (lägesbild, åtgärdsplan, uppföljning)"), dutySummary(duty),
    h("h2", {}, "Grupper"), groupTable(groups),
    h("h2", {}, "Handlingsplaner och mål"),
    plans.length ? h("ul", { class: "rounds" }, plans.map(planCard))
                 : h("p", { class: "empty" }, "Inga handlingsplaner ännu."),
    h("h2", {}, "Budget"), chooser,
    budget ? budgetChart(budget) : h("p", { class: "empty" }, `Ingen budget för ${budgetYear}.`)];
}

// --- Punktlighet: första svaren per organ och år ----------------------------------------------

// The four outcomes in the order the table and the plot show them; `key` is the API's.
const outcomes = [
  { key: "on_time", label: "I tid" }, { key: "late", label: "Sena" },
  { key: "unanswered", label: "Obesvarade" }, { key: "declined", label: "Avböjda" },
];

// svg("rect", {x: 0}): an SVG element, as h() makes HTML ones.
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function lateDays(n) { return n === null ? "–" : days(n).replace(".", ","); }

function outcomeText(row) {
  return outcomes.map((o) => `${row[o.key]} ${o.label.toLowerCase()}`).join(", ");
}

function punctualityTable(rows) {
  return h("table", {},
    h("caption", {}, "Första svaren per organ och år"),
    h("thead", {}, h("tr", {}, ["Organ", "År", "Uppdrag", ...outcomes.map((o) => o.label),
      "Median sen", "Högst sen"].map((title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, rows.map((row) => h("tr", {},
      h("th", { scope: "row" }, row.body), h("td", {}, String(row.year)),
      h("td", { class: "number" }, row.assignments),
      outcomes.map((o) => h("td", { class: "number" }, row[o.key])),
      h("td", { class: "number" }, lateDays(row.median_late_working_days)),
      h("td", { class: "number" }, lateDays(row.max_late_working_days))))));
}

// One body's years as stacked columns, each outcome's share of the year's assignments; every
// body's plot spans the same years, so they compare side by side.
function punctualityPlot(body, rows, years) {
  const column = 36, gap = 12, top = 8, height = 100, width = years.length * (column + gap);
  const byYear = new Map(rows.map((row) => [row.year, row]));
  const columns = years.map((year, i) => {
    const x = i * (column + gap) + gap / 2;
    const row = byYear.get(year);
    const parts = [];
    let y = top + height;
    for (const o of row ? outcomes : []) {
      const part = (height * row[o.key]) / row.assignments;
      y -= part;
      if (part > 0)
        parts.push(svg("rect", { x, y, width: column, height: part, class: `outcome-${o.key}` }));
    }
    return svg("g", {}, svg("title", {}, row ? `${year}: ${outcomeText(row)}` : `${year}: inga`),
      parts, svg("text", { x: x + column / 2, y: top + height + 16, "text-anchor": "middle" },
        String(year)));
  });
  const summary = rows.map((row) => `${row.year}: ${outcomeText(row)}`).join("; ");
  return h("figure", { class: "card punctuality-plot" },
    h("figcaption", {}, body),
    svg("svg", { viewBox: `0 0 ${width} ${top + height + 22}`, width, role: "img",
               "aria-label": `${body}: ${summary}` }, columns));
}

function punctualityLegend() {
  return h("p", { class: "legend" }, outcomes.flatMap((o) =>
    [h("span", { class: `key outcome-${o.key}` }), ` ${o.label} `]));
}

async function punctualityPage() {
  const kind = sessionStorage.getItem("bevaka.punctualityKind") || "";
  const rows = await api(kind ? `/api/punctuality?kind=${encodeURIComponent(kind)}`
                              : "/api/punctuality");
  const chooser = h("select", { id: "punctuality-kind", onchange: (event) => {
    sessionStorage.setItem("bevaka.punctualityKind", event.target.value);
    show();
  } }, [["", "Alla omgångar"], ["consultation", roundKinds.consultation || "Remiss"],
        ["annual-report", roundKinds["annual-report"] || "Årlig rapportering"]].map(
    ([value, label]) => h("option", { value, selected: value === kind }, label)));
  const page = [h("h1", {}, "Punktlighet"),
    h("p", {}, "Varje uppdrag räknas efter organets första svar, året för omgångens sista dag. " +
               "Uppdrag som ännu väntar på svar räknas inte förrän utfallet är känt."),
    h("form", { class: "inline", onsubmit: (event) => event.preventDefault() },
      h("label", { for: "punctuality-kind" }, "Visa"), " ", chooser)];
  if (rows.length === 0)
    return [...page, h("p", { class: "empty" }, "Inga besvarade eller avslutade uppdrag ännu.")];
  const years = [];
  for (let y = Math.min(...rows.map((r) => r.year)); y <= Math.max(...rows.map((r) => r.year)); ++y)
    years.push(y);
  const bodies = [...new Set(rows.map((row) => row.body))];
  return [...page, punctualityTable(rows), h("h2", {}, "Per organ över åren"), punctualityLegend(),
    h("div", { class: "punctuality-plots" }, bodies.map((body) =>
      punctualityPlot(body, rows.filter((row) => row.body === body), years)))];
}

// --- Inloggning och ram ----------------------------------------------------------------------

function loginPage(message) {
  const input = h("input", { id: "token", type: "password", autocomplete: "off", required: true,
                             "aria-describedby": "token-help" });
  const form = h("form", { class: "login", onsubmit: async (event) => {
    event.preventDefault();
    try {
      const me = await api("/api/whoami", { token: input.value.trim() });
      session.start(input.value.trim(), me);
      location.hash = me.role === "secretary" ? `#/organ/${encodeURIComponent(me.body)}`
                                              : "#/forfallna";
      await show();
    } catch (error) {
      say(error.status === 401 ? "Nyckeln gäller inte. Kontrollera den och försök igen."
                               : `Kunde inte logga in. ${messageOf(error)}`, true);
      input.focus();
    }
  } },
  h("label", { for: "token" }, "API-nyckel"), input,
  h("p", { id: "token-help", class: "help" },
    "Nyckeln får du av registratorn (bevaka token create)."),
  h("button", { type: "submit", class: "primary" }, "Logga in"));
  return [h("h1", {}, "Logga in"), message ? h("p", { class: "error" }, message) : null, form]
    .filter(Boolean);
}

function frame(page) {
  const me = session.me;
  for (const id of ["menu", "as-of-form", "who"]) document.getElementById(id).hidden = !me;
  if (!me) return;
  document.getElementById("who-text").textContent =
    `${me.holder} (${roles[me.role] || me.role}${me.body ? `, ${me.body}` : ""})`;
  const ownItem = document.getElementById("own-body-item");
  ownItem.hidden = me.role !== "secretary";
  if (me.body) document.getElementById("own-body-link").href =
    `#/organ/${encodeURIComponent(me.body)}`;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.getElementById("as-of").value = session.asOf;
}

const pages = {
  forfallna: { title: "Förfallna", render: overduePage },
  omgangar: { title: "Omgångar", render: roundsPage },
  omgang: { title: "Omgång", render: roundPage },
  organ: { title: "Uppdrag", render: bodyPage },
  program: { title: "Program", render: programmePage },
  punktlighet: { title: "Punktlighet", render: punctualityPage },
};

// Counts the pages asked for: a page whose data arrives after the user has moved on to another
// (a slow answer, a quick click) is dropped rather than drawn over the newer one.
let shown = 0;

async function show() {
  const asked = ++shown;
  const main = document.getElementById("main");
  const [name, key] = location.hash.replace(/^#\/?/, "").split("/");
  const page = pages[name] || pages.forfallna;
  frame(pages[name] ? name : "forfallna");
  if (!session.token) {
    main.replaceChildren(...loginPage());
    document.title = "Logga in – bevaka";
    return;
  }
  try {
    const content = await page.render(key === undefined ? undefined : decodeURIComponent(key));
    if (asked !== shown) return;
    main.replaceChildren(...content.filter(Boolean));
    document.title = `${page.title}${session.asOf ? ` den ${session.asOf}` : ""} – bevaka`;
  } catch (error) {
    if (asked !== shown) return;
    if (error.status === 401) {
      session.end();
      frame(name);
      main.replaceChildren(...loginPage("Nyckeln gäller inte längre. Logga in igen."));
      return;
    }
    main.replaceChildren(h("h1", {}, page.title), h("p", { class: "error" }, messageOf(error)));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  window.addEventListener("hashchange", show);
  document.getElementById("as-of").addEventListener("change", (event) => {
    session.asOf = event.target.value;
    show();
  });
  document.getElementById("as-of-today").addEventListener("click", () => {
    session.asOf = "";
    show();
  });
  document.getElementById("as-of-form").addEventListener("submit", (e) => e.preventDefault());
  document.getElementById("logout").addEventListener("click", () => {
    session.end();
    location.hash = "";
    say("Du är utloggad.");
    show();
  });
  show();
});
