// The indicators' part of the store port: indicators and their yearly values.
#include <map>

#include "adapters/store/rows.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<indicator> soci_transaction::indicators() {
  long long id = 0, body_id = 0;
  std::string body_name, code, title, direction, unit;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT i.id, i.body_id, b.name, i.code, i.title, i.direction, i.unit "
              "FROM indicators i LEFT JOIN bodies b ON b.id = i.body_id "
              "ORDER BY COALESCE(b.name, ''), i.code, i.id",
       soci::into(id), soci::into(body_id, body_null), soci::into(body_name, name_null),
       soci::into(code), soci::into(title), soci::into(direction), soci::into(unit));
  st.execute();
  std::vector<indicator> all;
  std::map<long long, std::size_t> index;
  while (st.fetch()) {
    indicator i{.id = id,
                .code = code,
                .title = title,
                .direction = stored_name(parse_wanted_direction, direction, "indicators.direction"),
                .unit = unit};
    if (body_null == soci::i_ok) i.body_id = body_id;
    if (name_null == soci::i_ok) i.body_name = body_name;
    index[id] = all.size();
    all.push_back(std::move(i));
  }
  int year = 0;
  double value = 0;
  soci::statement values =
      (conn_.for_read().prepare << "SELECT indicator_id, year, value "
                                   "FROM indicator_values ORDER BY indicator_id, year",
       soci::into(id), soci::into(year), soci::into(value));
  values.execute();
  while (values.fetch())
    if (const auto found = index.find(id); found != index.end())
      all[found->second].values.push_back({year, value});
  return all;
}

id_t soci_transaction::insert_indicator(const indicator& i) {
  long long body_id = i.body_id.value_or(0), id = 0;
  soci::indicator body_null = i.body_id ? soci::i_ok : soci::i_null;
  std::string direction(to_string(i.direction));
  conn_.for_write() << "INSERT INTO indicators (body_id, code, title, direction, unit) "
                       "VALUES (:body_id, :code, :title, :direction, :unit) RETURNING id",
      soci::use(body_id, body_null, "body_id"), soci::use(i.code, "code"),
      soci::use(i.title, "title"), soci::use(direction, "direction"), soci::use(i.unit, "unit"),
      soci::into(id);
  return id;
}

void soci_transaction::put_indicator_value(id_t indicator_id, int year, double value) {
  long long id = indicator_id;
  soci::statement update =
      (conn_.for_write().prepare << "UPDATE indicator_values SET value = :value "
                                    "WHERE indicator_id = :id AND year = :year",
       soci::use(value, "value"), soci::use(id, "id"), soci::use(year, "year"));
  update.execute(true);
  if (update.get_affected_rows() == 1) return;
  conn_.for_write()
      << "INSERT INTO indicator_values (indicator_id, year, value) VALUES (:id, :year, :value)",
      soci::use(id, "id"), soci::use(year, "year"), soci::use(value, "value");
}

}  // namespace bevaka::store::detail
