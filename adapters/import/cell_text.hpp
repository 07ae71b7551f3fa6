#pragma once
// Cleaning one cell of a follow-up table: what a document or a web form left in it.

#include <string>
#include <string_view>

namespace bevaka::import {

// Removes simple HTML markup (<p>, <br>, <div> become line breaks; <b>, <i>, <span>, ... go) and
// the common entities (&amp; &lt; &gt; &quot; &#39; &nbsp;), trims every line (also of no-break
// spaces) and drops blank lines. Text that only looks like markup ("a < b") stays as it is.
[[nodiscard]] std::string clean_cell(std::string_view raw);

}  // namespace bevaka::import
