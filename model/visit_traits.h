// Compile-time classification of model field types, shared by the JSON and
// XML visitors so both treat every field type the same way.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/model.h"

namespace overens::visit {

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};

template <typename T>
concept ModelEnum = std::is_enum_v<T> && requires { EnumNames<T>::kNames; };

template <typename T>
concept Scalar = std::is_same_v<T, std::string> || std::is_same_v<T, int> || std::is_same_v<T, long long> ||
                 std::is_same_v<T, double> || std::is_same_v<T, bool> || std::is_same_v<T, CivilDate> ||
                 ModelEnum<T>;

}  // namespace overens::visit
