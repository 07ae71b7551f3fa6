// The indicators' part of the store port: indicators and their yearly values.
#include <map>

#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<indicator> soci_transaction::indicators() {
  auto all = prepared_.followup.indicators.all(conn_);
  std::map<long long, std::size_t> index;
  for (std::size_t i = 0; i < all.size(); ++i) index[all[i].id] = i;
  for (const auto& v : prepared_.followup.indicator_values.all(conn_))
    if (const auto found = index.find(v.indicator_id); found != index.end())
      all[found->second].values.push_back(v.value);
  return all;
}

id_t soci_transaction::insert_indicator(const indicator& i) {
  return *prepared_.followup.insert_indicator.first(conn_, nullable<key>(i.body_id), i.code,
                                                    i.title, text(to_string(i.direction)), i.unit);
}

void soci_transaction::put_indicator_value(id_t indicator_id, int year, double value) {
  auto& sql = prepared_.followup;
  if (sql.update_indicator_value.run(conn_, value, indicator_id, year) == 1) return;
  sql.insert_indicator_value.run(conn_, indicator_id, year, value);
}

}  // namespace bevaka::store::detail
