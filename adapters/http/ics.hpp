#pragma once
// A body's open deadlines as an iCalendar feed (RFC 5545) that Outlook and Google Calendar can
// subscribe to: one all-day event per assignment awaiting an answer, on its effective deadline.

#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/listings.hpp"
#include "engine/cases/model.hpp"
#include "engine/shared/clock.hpp"

namespace bevaka::http {

// CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), text escaped.
// Each event's UID is stable (the assignment's id @ `uid_host`, the host in the subscribed URL),
// so a client that polls the feed moves an extended deadline instead of adding a second event.
// DTSTAMP is `now` in UTC.
[[nodiscard]] std::string deadlines_calendar(const engine::body& b,
                                             const std::vector<engine::obligation>& open,
                                             engine::timestamp now, std::string_view uid_host);

}  // namespace bevaka::http
