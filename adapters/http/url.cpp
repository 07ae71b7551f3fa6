// Boost.URL, compiled into bevaka once: Debian ships it as headers (no libboost_url for 1.81).
#include <boost/url/src.hpp>
