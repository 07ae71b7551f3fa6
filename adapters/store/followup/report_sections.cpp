// The annual report's sections on an assignment.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<report_section> soci_transaction::report_sections(id_t assignment_id) {
  return prepared_.followup.report_sections.all(conn_, assignment_id);
}

void soci_transaction::save_report_sections(id_t assignment_id,
                                            const std::vector<report_section>& sections) {
  auto& sql = prepared_.followup;
  sql.delete_report_sections.run(conn_, assignment_id);
  for (const auto& s : sections)
    sql.insert_report_section.run(conn_, assignment_id, s.number, s.heading, s.text);
}

}  // namespace bevaka::store::detail
