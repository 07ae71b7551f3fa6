#pragma once
// The municipality's crime-prevention council, as its own papers name it: KBR in Järfälla,
// "Brå" in Borås, "Trygg i Österåker" in Österåker. Configuration ([council] in bevaka.toml),
// read by adapters/config; every surface that names the council takes it from here.

#include <string>

namespace bevaka::engine {

struct council_names {
  std::string name = "KBR";                            // in labels: "Diskuterad i KBR"
  std::string long_name = "Brottsförebyggande rådet";  // in headings
};

}  // namespace bevaka::engine
