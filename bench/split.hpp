#pragma once
// Where the time of a unit of work goes: a store that times each call of the storage port, the
// work around them (the engine itself) and the rest of each transaction (BEGIN and COMMIT).
// For --split; it adds two clock reads per call, well under a microsecond.

#include <map>
#include <string>

#include "engine/store.hpp"

namespace bevaka::bench {

// Seconds per part: each timed port method by name, "engine" (the work outside the
// store's calls) and "begin_commit" (the transaction around the work).
using time_split = std::map<std::string, double>;

class timed_store final : public engine::store {
 public:
  explicit timed_store(engine::store& inner) : inner_(inner) {}
  void transact(const std::function<bool(engine::store_transaction&)>& work) override;
  [[nodiscard]] const time_split& split() const { return split_; }
  void clear() { split_.clear(); }

 private:
  engine::store& inner_;
  time_split split_;
};

}  // namespace bevaka::bench
