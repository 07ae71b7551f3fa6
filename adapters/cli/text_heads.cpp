#include "adapters/cli/text_heads.hpp"

#include <utility>

namespace bevaka::cli {
namespace {

// One head per key, whichever command prints it: "state" is "Status" for an assignment, a
// reminder and a plan alike.
// clang-format off
constexpr std::pair<std::string_view, std::string_view> heads[]{
  {"activity", "Aktivitet"},           {"amount", "Belopp"},
  {"applied_migrations", "Migreringar"}, {"area", "Område"},
  {"areas", "Områden"},                {"at", "Tid"},
  {"attempts", "Försök"},              {"body", "Organ"},
  {"by", "Av"},                        {"category", "Kategori"},
  {"code", "Kod"},                     {"coordinator", "Samordnas av"},
  {"created", "Nya"},                  {"date", "Datum"},
  {"deadline", "Sista dag"},           {"decided", "Beslutad"},
  {"deadline_from", "Sista dag före"}, {"deadline_to", "Ny sista dag"},
  {"direction", "Önskad riktning"},    {"done", "Gjort"},
  {"due_at", "Dag"},                   {"emails", "E-post"},
  {"event", "Händelse"},               {"failed_reminders", "Påminnelser som inte gick fram"},
  {"format", "Format"},                {"from", "Från"},
  {"goal", "Mål"},                     {"goals", "Mål"},
  {"group", "Grupp"},                  {"heading", "Rubrik"},
  {"id", "Id"},                        {"incomplete", "Ofullständiga"},
  {"indicator", "Mätetal"},            {"items", "Åtgärder"},
  {"kind", "Slag"},                    {"late_by_working_days", "Sen (arbetsdagar)"},
  {"line", "Rad"},                     {"meets_per_year", "Möten per år"},
  {"members", "Medlemmar"},            {"missing_since", "Saknas sedan"},
  {"name", "Namn"},                    {"note", "Anteckning"},
  {"number", "Nummer"},                {"output", "Fil"},
  {"part_of", "Del av"},               {"period", "Period"},
  {"plan", "Plan"},                    {"plan_period", "Planperiod"},
  {"planned", "Budgeterat"},           {"position", "Nr"},
  {"reason", "Skäl"},                  {"ref", "Diarienummer"},
  {"received", "Inkom"},               {"requested_deadline", "Begärd sista dag"},
  {"sent_at", "Skickad"},              {"spent", "Använt"},
  {"state", "Status"},                 {"status", "Status"},
  {"step", "Steg"},                    {"subject", "Ämne"},
  {"submitted_on", "Inkom"},           {"target", "Målvärde"},
  {"text", "Text"},                    {"title", "Ärende"},
  {"to", "Till"},                      {"unchanged", "Oförändrade"},
  {"unit", "Enhet"},                   {"updated", "Ändrade"},
  {"work_period", "Arbetsperiod"},     {"working_days_overdue", "Försenad (arbetsdagar)"},
  {"year", "År"},                      {"assignments", "Uppdrag"},
  {"on_time", "I tid"},                {"late", "Sena"},
  {"unanswered", "Obesvarade"},        {"declined", "Avböjda"},
  {"median_late_working_days", "Median sen (arbetsdagar)"},
  {"max_late_working_days", "Högst sen (arbetsdagar)"},
};
// clang-format on

}  // namespace

std::string_view text_head(std::string_view key) {
  for (const auto& [name, head] : heads)
    if (name == key) return head;
  return key;
}

}  // namespace bevaka::cli
