// constexpr_string: the growable string that printers build formulas in, at run time and in
// constant evaluation alike.
#ifndef CTGRAD_PRINT_CONSTEXPR_STRING_HPP
#define CTGRAD_PRINT_CONSTEXPR_STRING_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace ctgrad {

/// A string that constant evaluation can build: libstdc++ 12's std::string is constexpr for g++ 12
/// but not for clang++ 14 ("assignment to member '_M_local_buf' of union with no active member"),
/// so formulas are built in this one for both compilers. `+` and `+=` append; `view()` reads;
/// converts to std::string. Example: tests/static/print.cpp.
class constexpr_string {
 public:
  constexpr constexpr_string() noexcept = default;
  constexpr constexpr_string(std::string_view s) { append(s); }  // NOLINT: implicit, like std::string
  constexpr constexpr_string(const char* s) : constexpr_string(std::string_view(s)) {}
  constexpr constexpr_string(const constexpr_string& o) { append(o.view()); }
  constexpr constexpr_string(constexpr_string&& o) noexcept : data_(o.data_), size_(o.size_), capacity_(o.capacity_) {
    o.data_ = nullptr;
    o.size_ = o.capacity_ = 0;
  }
  constexpr constexpr_string& operator=(const constexpr_string& o) {
    if (this != &o) {
      size_ = 0;
      append(o.view());
    }
    return *this;
  }
  constexpr constexpr_string& operator=(constexpr_string&& o) noexcept {
    if (this != &o) {
      delete[] data_;
      data_ = o.data_;
      size_ = o.size_;
      capacity_ = o.capacity_;
      o.data_ = nullptr;
      o.size_ = o.capacity_ = 0;
    }
    return *this;
  }
  constexpr ~constexpr_string() { delete[] data_; }

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr std::string_view view() const noexcept { return {data_, size_}; }
  constexpr char operator[](std::size_t i) const noexcept { return data_[i]; }
  operator std::string() const { return std::string(view()); }

  constexpr constexpr_string& append(std::string_view s) {
    reserve(size_ + s.size());
    std::char_traits<char>::copy(data_ + size_, s.data(), s.size());
    size_ += s.size();
    return *this;
  }
  constexpr constexpr_string& append(std::size_t count, char c) {
    reserve(size_ + count);
    for (std::size_t i = 0; i < count; ++i) data_[size_++] = c;
    return *this;
  }
  constexpr constexpr_string& operator+=(std::string_view s) { return append(s); }
  constexpr constexpr_string& operator+=(const char* s) { return append(std::string_view(s)); }
  constexpr constexpr_string& operator+=(const constexpr_string& s) { return append(s.view()); }
  constexpr constexpr_string& operator+=(char c) { return append(1, c); }

  // Each overload is an exact match for its argument kinds, so none of them is ambiguous with another.
  friend constexpr constexpr_string operator+(constexpr_string a, const constexpr_string& b) {
    a += b;
    return a;
  }
  friend constexpr constexpr_string operator+(constexpr_string a, std::string_view b) {
    a += b;
    return a;
  }
  friend constexpr constexpr_string operator+(constexpr_string a, const char* b) {
    a += b;
    return a;
  }
  friend constexpr constexpr_string operator+(constexpr_string a, char b) {
    a += b;
    return a;
  }
  friend constexpr constexpr_string operator+(std::string_view a, const constexpr_string& b) { return concat(a, b.view()); }
  friend constexpr constexpr_string operator+(const char* a, const constexpr_string& b) { return concat(a, b.view()); }

  friend constexpr bool operator==(const constexpr_string& a, std::string_view b) noexcept { return a.view() == b; }

 private:
  static constexpr constexpr_string concat(std::string_view a, std::string_view b) {
    constexpr_string r;
    r.reserve(a.size() + b.size());
    r.append(a).append(b);
    return r;
  }

  constexpr void reserve(std::size_t n) {
    if (n <= capacity_) return;
    std::size_t cap = capacity_ < 16 ? 16 : capacity_ * 2;
    while (cap < n) cap *= 2;
    char* p = new char[cap];
    for (std::size_t i = 0; i < size_; ++i) p[i] = data_[i];
    delete[] data_;
    data_ = p;
    capacity_ = cap;
  }

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace ctgrad

#endif
