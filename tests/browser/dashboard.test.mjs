// The dashboard in Debian's headless Chromium, against a running `bevaka serve` (see ./run):
// Järfälla's consultation on the safety programme (Kst 2015/503) on Wednesday 4 May 2016, two
// working days after its deadline (Saturday 30 April, so Monday 2 May).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const url = process.env.BEVAKA_URL;
const artefacts = process.env.BEVAKA_ARTEFACTS;
const registrar = process.env.BEVAKA_REGISTRAR_TOKEN;
const secretary = process.env.BEVAKA_SECRETARY_TOKEN;
const cultureSecretary = process.env.BEVAKA_KDF_SECRETARY_TOKEN;

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage(viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: "sv-SE" });
  page.on("pageerror", (error) => assert.fail(`the page threw: ${error.message}`));
  return page;
}

async function logIn(page, token) {
  await page.goto(url);
  await page.getByLabel("API-nyckel").fill(token);
  await page.getByRole("button", { name: "Logga in" }).click();
}

// Waits for the table: after a change of day the page re-renders, and the heading stays.
async function overdueBodies(page) {
  await page.getByRole("heading", { level: 1, name: "Förfallna" }).waitFor();
  const table = page.getByRole("table", { name: /inte har svarat i tid/ });
  await table.waitFor();
  return table.locator("tbody th").allTextContents();
}

async function bodiesWithFailedReminders(page) {
  const table = page.getByRole("table", { name: /Påminnelser som inte gick fram/ });
  await table.waitFor();
  return table.locator("tbody th").allTextContents();
}

test("a wrong token is refused with a message, and nothing is shown", async () => {
  const page = await newPage();
  await logIn(page, "bvk_not-a-token");
  await page.getByText("Nyckeln gäller inte").waitFor();
  assert.equal(await page.locator("table").count(), 0);
  assert.doesNotMatch(await page.locator("main").textContent(), /null|undefined/);
  await page.screenshot({ path: `${artefacts}/00-inloggning.png`, fullPage: true });
});

test("the registrar sees who is overdue, most overdue first, on any day she picks", async () => {
  const page = await newPage();
  await logIn(page, registrar);
  assert.deepEqual(await overdueBodies(page),
                   ["Kommunens företagarföreningar", "Kultur-, demokrati- och fritidsnämnden"]);
  const bars = page.getByRole("figure").locator("li");
  assert.equal(await bars.count(), 2);
  assert.match(await bars.first().textContent(), /2 arbetsdagar/);
  assert.doesNotMatch(await page.locator("main").textContent(), /null|undefined|NaN/);
  await page.screenshot({ path: `${artefacts}/01-forfallna.png`, fullPage: true });
  // The mail server refused their reminders: the late ones, and one not late yet.
  assert.deepEqual(await bodiesWithFailedReminders(page),
                   ["Kommunens företagarföreningar", "Kultur-, demokrati- och fritidsnämnden",
                    "Kompetensnämnden"]);
  assert.equal(await page.getByText("påminnelse gick inte fram").count(), 2);

  // Thursday 12 May: Kristi himmelsfärdsdag (5 May) is not a working day, so 7, not 8.
  await page.getByLabel("Visa läget den").fill("2016-05-12");
  await page.getByText("7 arbetsdagar").first().waitFor();
  await page.screenshot({ path: `${artefacts}/02-forfallna-12-maj.png`, fullPage: true });
  await page.getByLabel("Visa läget den").fill("2016-05-02");
  await page.getByText("Inga förfallna svar").waitFor();
  await page.getByRole("button", { name: "Idag" }).click();
  assert.equal((await overdueBodies(page)).length, 2);
});

test("the rounds page shows progress and every body's status; a round has its timeline",
     async () => {
  const page = await newPage();
  await logIn(page, registrar);
  await page.getByRole("link", { name: "Omgångar" }).click();
  await page.getByRole("heading", { level: 1, name: "Omgångar" }).waitFor();
  assert.equal(await page.locator("progress").getAttribute("value"), "5");
  await page.getByText("5 av 8 klara").waitFor();
  assert.equal(await page.locator(".badges li").count(), 8);
  assert.equal(await page.locator(".badges .late").count(), 2);
  await page.screenshot({ path: `${artefacts}/03-omgangar.png`, fullPage: true });

  await page.getByRole("link", { name: "Kst 2015/503" }).click();
  await page.getByRole("heading", { level: 1, name: /Kst 2015\/503/ }).waitFor();
  const timeline = page.getByRole("list", { name: "Tidslinje" });
  await timeline.getByText("Avstår från att yttra sig").waitFor();
  // The record as it stood on the server's day, 4 May: the events and the reminders tried that
  // morning. The reminders that went out later (by the wall clock) are not on it.
  assert.equal(await timeline.locator("li").count(), 1 + 8 + 1 + 8 + 9);
  assert.equal(await timeline.locator("li", { hasText: "Påminnelse skickad" }).count(), 0);
  const reminders = page.getByRole("table", { name: "Påminnelser" });
  const failed = reminders.locator("tr", { hasText: "Gick inte fram" });
  assert.equal(await failed.count(), 3);
  assert.match(await failed.first().textContent(), /554/);
  await page.screenshot({ path: `${artefacts}/04-omgang.png`, fullPage: true });
});

test("a failure is told in Swedish by its kind, never in the server's English", async () => {
  const page = await newPage();
  await logIn(page, registrar);
  await page.getByRole("heading", { level: 1, name: "Förfallna" }).waitFor();
  await page.goto(`${url}#/omgang/999`);
  await page.getByRole("heading", { level: 1, name: "Omgång" }).waitFor();
  await page.getByText("Det som söktes finns inte.").waitFor();
  assert.doesNotMatch(await page.locator("main").textContent(), /no round|reference number|999/);
});

test("a secretary records a submission after confirming it, and it leaves the overdue list",
     async () => {
  const page = await newPage({ width: 390, height: 844 });  // a phone
  await logIn(page, secretary);
  await page.getByRole("heading", { name: "Uppdrag för Kommunens företagarföreningar" }).waitFor();
  await page.screenshot({ path: `${artefacts}/05-sekreterare.png`, fullPage: true });

  const submit = page.getByRole("button", { name: "Lämna in svar" });
  await submit.click();
  const dialog = page.getByRole("dialog", { name: "Bekräfta ändringen" });
  await dialog.getByText("registrera att svaret är inlämnat").waitFor();
  await page.screenshot({ path: `${artefacts}/06-bekrafta.png`, fullPage: true });
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await page.getByText("Ingen ändring gjordes.").waitFor();
  assert.equal(await submit.count(), 1);

  await submit.click();
  await dialog.getByRole("button", { name: "Ja, registrera" }).click();
  await page.getByText("Registrerat: Svar inlämnat för Kommunens företagarföreningar").waitFor();
  await page.getByRole("heading", { name: "Besvarade och avslutade" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Lämna in svar" }).count(), 0);
  await page.screenshot({ path: `${artefacts}/07-inlamnat.png`, fullPage: true });

  const registrars = await newPage();
  await logIn(registrars, registrar);
  assert.deepEqual(await overdueBodies(registrars), ["Kultur-, demokrati- och fritidsnämnden"]);
  assert.deepEqual(await bodiesWithFailedReminders(registrars),
                   ["Kultur-, demokrati- och fritidsnämnden", "Kompetensnämnden"]);
  await registrars.goto(`${url}#/omgang/1`);
  await registrars.getByText("av Företagarföreningarnas sekreterare").waitFor();
  await registrars.screenshot({ path: `${artefacts}/08-forfallna-efter.png`, fullPage: true });
});

test("the programme page shows the groups, the plan's goals in colour and the budget",
     async () => {
  const page = await newPage();
  await logIn(page, registrar);
  await page.getByRole("link", { name: "Program" }).click();
  await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
  const groups = page.getByRole("table", { name: "Grupper och vem som samordnar dem" });
  const council = groups.locator("tr", { hasText: "Brottsförebyggande rådet i Järfälla" });
  assert.match(await council.textContent(), /Brottsförebyggande råd.*Socialnämnden/);
  const goals = page.getByRole("table", { name: "Mål i Kst 2016/77" });
  assert.deepEqual(await goals.locator("thead th").allTextContents(),
                   ["Mål", "Målvärde", "2016", "2017", "2018"]);
  const badges = goals.locator("tbody .badge");
  assert.equal(await badges.first().textContent(), "Gul (72)");
  assert.match(await badges.first().getAttribute("class"), /goal-yellow/);
  assert.equal(await badges.nth(1).textContent(), "Ej bedömd");
  const budget = page.getByRole("figure");
  assert.match(await budget.textContent(), /6\s400 kr använt av 500\s000 kr/);
  assert.equal(await budget.locator("li").count(), 3);
  assert.doesNotMatch(await page.locator("main").textContent(), /null|undefined|NaN/);
  await page.screenshot({ path: `${artefacts}/09-program.png`, fullPage: true });
});

test("the punctuality page counts each body's first answers per year and plots them",
     async () => {
  const page = await newPage();
  await logIn(page, registrar);
  await page.getByRole("link", { name: "Punktlighet" }).click();
  await page.getByRole("heading", { level: 1, name: "Punktlighet" }).waitFor();
  const table = page.getByRole("table", { name: "Första svaren per organ och år" });
  await table.waitFor();
  assert.deepEqual(await table.locator("tr", { hasText: "Socialnämnden" }).locator("th, td")
                     .allTextContents(),
                   ["Socialnämnden", "2016", "1", "1", "0", "0", "0", "–", "–"]);
  const attunda = table.locator("tr", { hasText: "Brandkåren Attunda" }).locator("td");
  assert.equal(await attunda.nth(5).textContent(), "1");  // declined
  await page.getByRole("img", { name: /^Socialnämnden: 2016: 1 i tid, 0 sena/ }).waitFor();
  assert.equal(await page.locator(".punctuality-plot").count(),
               await table.locator("tbody tr").count());  // one year each, for now
  assert.match(await page.locator(".legend").textContent(), /I tid\s+Sena\s+Obesvarade\s+Avböjda/);
  assert.doesNotMatch(await page.locator("main").textContent(), /null|undefined|NaN|object/);
  await page.screenshot({ path: `${artefacts}/10-punktlighet.png`, fullPage: true });
});

test("the login works from the keyboard alone", async () => {
  const page = await newPage();
  await page.goto(url);
  await page.getByLabel("API-nyckel").waitFor();
  const reached = [];
  for (let tab = 0; tab < 3; ++tab) {  // the skip link, the home link, then the token field
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent));
  }
  assert.deepEqual(reached, ["Hoppa till innehållet", "bevaka", "token"]);
  await page.keyboard.type(registrar);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Förfallna" }).waitFor();
});

// After the tests above: Kultur-, demokrati- och fritidsnämnden is still overdue (since 2 May).
test("a secretary asks for an extension with a reason; the registrar grants it and the " +
     "timeline shows both dates", async () => {
  const culture = "Kultur-, demokrati- och fritidsnämnden";
  const page = await newPage({ width: 390, height: 844 });
  await logIn(page, cultureSecretary);
  await page.getByRole("heading", { name: `Uppdrag för ${culture}` }).waitFor();
  await page.getByRole("button", { name: "Begär anstånd" }).click();
  const dialog = page.getByRole("dialog", { name: "Bekräfta ändringen" });
  await dialog.getByLabel("Ny sista dag").fill("2016-05-20");
  // Without a reason the dialog stays open: the reason is required.
  await dialog.getByRole("button", { name: "Ja, registrera" }).click();
  assert.equal(await dialog.isVisible(), true);
  await dialog.getByLabel("Skäl").fill("Nämnden sammanträder 19 maj");
  await page.screenshot({ path: `${artefacts}/10-begar-anstand.png`, fullPage: true });
  await dialog.getByRole("button", { name: "Ja, registrera" }).click();
  await page.getByText(`Registrerat: Begär anstånd för ${culture}`).waitFor();
  await page.getByText("Anstånd begärt till 20 maj 2016").waitFor();
  assert.equal(await page.getByRole("button", { name: "Begär anstånd" }).count(), 0);

  const registrars = await newPage();
  await logIn(registrars, registrar);
  const requests = registrars.getByRole("table", { name: "Begärda anstånd som väntar på beslut" });
  const row = requests.locator("tbody tr", { hasText: culture });
  await row.waitFor();
  assert.match(await row.textContent(), /20 maj 2016.*Nämnden sammanträder 19 maj/);
  await registrars.screenshot({ path: `${artefacts}/11-begarda-anstand.png`, fullPage: true });
  await row.getByRole("button", { name: "Bevilja" }).click();
  const confirm = registrars.getByRole("dialog", { name: "Bekräfta ändringen" });
  await confirm.getByText("bevilja anstånd till 20 maj 2016").waitFor();
  await confirm.getByRole("button", { name: "Ja, registrera" }).click();
  await registrars.getByText(`Registrerat: Anstånd beviljat för ${culture}`).waitFor();
  // Its new deadline is 20 May: on 4 May nobody is overdue any more.
  await registrars.getByText("Inga förfallna svar").waitFor();
  assert.equal(await requests.count(), 0);

  await registrars.goto(`${url}#/omgang/1`);
  const timeline = registrars.getByRole("list", { name: "Tidslinje" });
  await timeline.getByText("Nämnden sammanträder 19 maj").first().waitFor();
  const asked = timeline.locator("li", { hasText: "Begär anstånd" });
  assert.match(await asked.textContent(), /Begär anstånd till 20 maj 2016/);
  const granted = timeline.locator("li", { hasText: culture }).filter({ hasText: "Anstånd:" });
  assert.match(await granted.textContent(), /Anstånd: 2 maj 2016 → 20 maj 2016/);
  const text = await timeline.textContent();
  assert.doesNotMatch(text, /Skickad → Skickad|Påbörjad → Påbörjad/);
  assert.match(text, /Svar inlämnat, mottaget 2 maj 2016/);
  await registrars.screenshot({ path: `${artefacts}/12-tidslinje-anstand.png`, fullPage: true });
});

test("the registrar closes the answers and sends the round to the council by its name",
     async () => {
  const page = await newPage();
  await logIn(page, registrar);
  await page.getByRole("heading", { level: 1, name: "Förfallna" }).waitFor();
  await page.goto(`${url}#/omgang/1`);
  await page.getByRole("button", { name: "Stäng svarstiden" }).click();
  const dialog = page.getByRole("dialog", { name: "Bekräfta ändringen" });
  await dialog.getByLabel("Anteckning (frivillig)").fill("Remisstiden är slut");
  await dialog.getByRole("button", { name: "Ja, registrera" }).click();
  await page.getByText("Registrerat: Stäng svarstiden för Kst 2015/503.").waitFor();
  await page.getByText("Svarstiden stängd · sista dag", { exact: false }).waitFor();
  const timeline = page.getByRole("list", { name: "Tidslinje" });
  // Kompetensnämnden and Kultur-nämnden had not answered: they end unanswered.
  assert.equal(await timeline.locator("li", { hasText: "Obesvarad när svaren stängdes" }).count(),
               2);
  await page.getByRole("button", { name: "Skicka till KBR" }).click();
  await dialog.getByRole("button", { name: "Ja, registrera" }).click();
  await page.getByText("Registrerat: Skicka till KBR för Kst 2015/503.").waitFor();
  await timeline.getByText("Skickad till KBR").first().waitFor();
  await page.getByRole("button", { name: "Diskuterad i KBR" }).waitFor();
  await page.screenshot({ path: `${artefacts}/13-skickad-till-kbr.png`, fullPage: true });
});
