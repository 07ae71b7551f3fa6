// The annual report's sections on an assignment.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<report_section> soci_transaction::report_sections(id_t assignment_id) {
  long long id = assignment_id;
  report_section section;
  soci::statement st =
      (conn_.for_read().prepare << "SELECT number, heading, content FROM report_sections "
                                   "WHERE assignment_id = :id ORDER BY number",
       soci::into(section.number), soci::into(section.heading), soci::into(section.text),
       soci::use(id, "id"));
  st.execute();
  std::vector<report_section> sections;
  while (st.fetch()) sections.push_back(section);
  return sections;
}

void soci_transaction::save_report_sections(id_t assignment_id,
                                            const std::vector<report_section>& sections) {
  long long id = assignment_id;
  conn_.for_write() << "DELETE FROM report_sections WHERE assignment_id = :id", soci::use(id, "id");
  for (const auto& s : sections)
    conn_.for_write() << "INSERT INTO report_sections (assignment_id, number, heading, content) "
                         "VALUES (:id, :number, :heading, :content)",
        soci::use(id, "id"), soci::use(s.number, "number"), soci::use(s.heading, "heading"),
        soci::use(s.text, "content");
}

}  // namespace bevaka::store::detail
