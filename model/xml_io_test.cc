#include "model/xml_io.h"

#include <catch2/catch.hpp>

#include "model/json_io.h"

namespace overens {
namespace {

Document Sample() {
  Document d;
  d.file = "lo.txt";
  d.kind = DocumentKind::kLokalOverenskommelse;
  d.delregion = "Sydväst";
  d.date = CivilDate{2023, 11, 23};
  d.municipalities = {"Svedala", "Trelleborg"};
  d.target_groups.push_back({std::string("TG2"), "Barn upp till 18 år & \"unga\" <samt vuxna>", Deviation::kExtended, {63, 2, 80}});
  d.target_groups.push_back({std::nullopt, "Barn med svårt utagerande beteende", Deviation::kNone, {70, 1, 30}});
  d.parties.push_back({Principal::kRegion, "Vuxenpsykiatri", {86, 1, 14}});
  DateSpan ds;
  ds.text = "från och med september 2023";
  ds.start = CivilDate{2023, 9, 1};
  ds.grain = Grain::kMonth;
  ds.role = DateRole::kStart;
  ds.span = {253, 3, 27};
  d.dates.push_back(ds);
  d.plan_period = ds;
  d.responsibilities.push_back({std::nullopt, "tillsätts en arbetsgrupp", CivilDate{2023, 12, 31}, "hösten 2023", "Samverkan", "Pågår", false, {336, 1, 10}});
  Area a;
  a.name = "Samverkan";
  a.follow_up = FollowUp::kEmpty;
  a.follow_up_quote = "Ingen uppföljning.";
  a.follow_up_span = {423, 1, 18};
  a.span = {326, 1, 9};
  d.areas.push_back(a);
  d.validity = Validity{std::nullopt, "beslutsdatum", true, std::nullopt, 18, CivilDate{2026, 12, 31}, {195, 1, 10}};
  d.dispute_steps.push_back({3, "Skånegemensam samverkansgrupp psykiatri (SSP)", "SSP", {110, 1, 5}});
  d.frequencies.push_back({"två gånger per år", 2, {356, 1, 17}});
  d.legal_references.push_back({std::string("SoL-2001"), "SoL (2 kap 7 §)", std::nullopt, "2", "7 §", true, {271, 5, 3}});
  d.table_rows.push_back({"Malmö", {1000000, 2181037}, 9583978LL, true, "Malmö 1000000 ...", {219, 1, 40}});
  d.warnings = {"read as Windows-1252"};
  return d;
}

TEST_CASE("XML round-trips every field", "[model]") {
  std::vector<Document> docs = {Sample(), Document{}};
  auto back = DocumentsFromXml(DocumentsToXml(docs));
  REQUIRE(back.ok());
  REQUIRE(back.value().size() == 2);
  CHECK(back.value()[0] == docs[0]);
  CHECK(back.value()[1] == docs[1]);
}

TEST_CASE("XML errors carry an offset and the schema version is checked", "[model]") {
  auto broken = DocumentsFromXml("<overens-model version=\"1\"><document kind=\"x\"");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("at byte") != std::string::npos);
  auto future = DocumentsFromXml("<overens-model version=\"9\"/>");
  REQUIRE_FALSE(future.ok());
  CHECK(future.status().message().find("version 9") != std::string::npos);
  auto bad_enum = DocumentsFromXml("<overens-model version=\"1\"><document kind=\"treaty\"/></overens-model>");
  REQUIRE_FALSE(bad_enum.ok());
  CHECK(bad_enum.status().message().find("kind") != std::string::npos);
}

TEST_CASE("JSON follows the scorer's contract", "[model]") {
  std::string json = DocumentToJson(Sample());
  CHECK(json.find("\"kind\": \"lokal-overenskommelse\"") != std::string::npos);
  CHECK(json.find("\"line\": 63") != std::string::npos);
  CHECK(json.find("\"end\": null") != std::string::npos);
  CHECK(json.find("\\\"unga\\\"") != std::string::npos);
}

TEST_CASE("civil dates", "[model]") {
  CHECK(CivilDate::Parse("2024-02-29").has_value());
  CHECK_FALSE(CivilDate::Parse("2023-02-29").has_value());
  CHECK_FALSE(CivilDate::Parse("2023-1-01").has_value());
  CHECK(CivilDate{1970, 1, 1}.DaysSinceEpoch() == 0);
  CHECK(CivilDate{2023, 11, 23}.YearsUntil({2026, 11, 22}) == 2);
  CHECK(CivilDate{2023, 11, 23}.YearsUntil({2026, 11, 23}) == 3);
}

}  // namespace
}  // namespace overens
