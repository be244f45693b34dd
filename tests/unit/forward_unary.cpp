// tests/unit/forward_unary.cpp: forward values of unary ops, pow, reductions, softmax and
// log_softmax (constant evaluation, run-time evaluate(), compiled graph), against reference numbers
// computed independently in Python (plain math). Split from forward.cpp to keep compile times short.
#include "forward_check.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>

namespace forward_test {

TEMPLATE_TEST_CASE("forward: unary elementwise ops", "[forward][unary]", float, double) {
  CHECK_FORWARD(ct::exp(A),
                ({1.6487212707001282, 0.2865047968601901, 7.38905609893065, 20.085536923187668, 0.4723665527410147,
                  4.4816890703380645}),
                fA);
  CHECK_FORWARD(ct::log(P),
                ({-1.3862943611198906, 0.4054651081081644, 0.6931471805599453, 1.3862943611198906,
                  -0.6931471805599453, 1.0986122886681098}),
                fP);
  CHECK_FORWARD(ct::square(A), ({0.25, 1.5625, 4.0, 9.0, 0.5625, 2.25}), fA);
  CHECK_FORWARD(ct::sqrt(P),
                ({0.5, 1.224744871391589, 1.4142135623730951, 2.0, 0.7071067811865476, 1.7320508075688772}), fP);
  CHECK_FORWARD(ct::abs(A), ({0.5, 1.25, 2.0, 3.0, 0.75, 1.5}), fA);
  CHECK_FORWARD(ct::relu(A), ({0.5, 0.0, 2.0, 3.0, 0.0, 1.5}), fA);
  CHECK_FORWARD(ct::sigmoid(A),
                ({0.6224593312018546, 0.22270013882530884, 0.8807970779778823, 0.9525741268224334,
                  0.32082130082460697, 0.8175744761936437}),
                fA);
  CHECK_FORWARD(ct::tanh(A),
                ({0.46211715726000974, -0.8482836399575129, 0.9640275800758169, 0.9950547536867305,
                  -0.6351489523872873, 0.9051482536448664}),
                fA);
}

TEMPLATE_TEST_CASE("forward: pow with integer and fractional constant exponents", "[forward][unary]", float,
                   double) {
  CHECK_FORWARD(ct::pow(A, 3_c), ({0.125, -1.953125, 8.0, 27.0, -0.421875, 3.375}), fA);
  CHECK_FORWARD(ct::pow(P, 0.5_c),
                ({0.5, 1.224744871391589, 1.4142135623730951, 2.0, 0.7071067811865476, 1.7320508075688772}), fP);
  CHECK_FORWARD(ct::pow(P, ct::scalar_c<1, 3>),
                ({0.6299605249474366, 1.1447142425533319, 1.2599210498948732, 1.5874010519681994,
                  0.7937005259840998, 1.4422495703074083}),
                fP);
  CHECK_FORWARD(ct::pow(P, 1.5_c),
                ({0.125, 1.8371173070873836, 2.8284271247461903, 8.0, 0.3535533905932738, 5.196152422706632}), fP);
  CHECK_FORWARD(ct::pow(P, ct::scalar_c<-2>),
                ({16.0, 0.4444444444444444, 0.25, 0.0625, 4.0, 0.1111111111111111}), fP);
}

TEMPLATE_TEST_CASE("forward: sum and mean over all elements and along each axis", "[forward][reduce]", float,
                   double) {
  STATIC_REQUIRE(ct::shape_of(ct::sum<0>(A)) == ct::shape<3>{});
  STATIC_REQUIRE(ct::shape_of(ct::sum<1>(A)) == ct::shape<2>{});
  STATIC_REQUIRE(ct::shape_of(ct::mean<1>(T3)) == ct::shape<2, 4>{});
  CHECK_FORWARD(ct::sum(A), ({5.0}), fA);
  CHECK_FORWARD(ct::sum<0>(A), ({3.5, -2.0, 3.5}), fA);
  CHECK_FORWARD(ct::sum<1>(A), ({1.25, 3.75}), fA);
  CHECK_FORWARD(ct::mean(A), ({0.8333333333333334}), fA);
  CHECK_FORWARD(ct::mean<0>(A), ({1.75, -1.0, 1.75}), fA);
  CHECK_FORWARD(ct::mean<1>(A), ({0.4166666666666667, 1.25}), fA);

  CHECK_FORWARD(ct::sum(T3), ({22.5}), fT);
  CHECK_FORWARD(ct::mean(T3), ({0.9375}), fT);
  CHECK_FORWARD(ct::sum<0>(T3),
                ({-0.875, -0.375, 0.125, 0.625, 1.125, 1.625, 2.125, 2.625, 3.125, 3.625, 4.125, 4.625}), fT);
  CHECK_FORWARD(ct::sum<1>(T3), ({-2.875, -2.0, -1.375, -0.5, 6.25, 6.875, 7.75, 8.375}), fT);
  CHECK_FORWARD(ct::sum<2>(T3), ({-6.25, -2.25, 1.75, 5.75, 9.75, 13.75}), fT);
  CHECK_FORWARD(ct::mean<0>(T3),
                ({-0.4375, -0.1875, 0.0625, 0.3125, 0.5625, 0.8125, 1.0625, 1.3125, 1.5625, 1.8125, 2.0625, 2.3125}),
                fT);
  CHECK_FORWARD(ct::mean<1>(T3),
                ({-0.9583333333333334, -0.6666666666666666, -0.4583333333333333, -0.16666666666666666,
                  2.0833333333333335, 2.2916666666666665, 2.5833333333333335, 2.7916666666666665}),
                fT);
  CHECK_FORWARD(ct::mean<2>(T3), ({-1.5625, -0.5625, 0.4375, 1.4375, 2.4375, 3.4375}), fT);
}

TEMPLATE_TEST_CASE("forward: softmax and log_softmax along axis 0 and axis 1", "[forward][softmax]", float,
                   double) {
  // Axis 0 is the class axis: each column (sample) sums to 1.
  CHECK_FORWARD(ct::softmax(A),
                ({0.07585818002124356, 0.37754066879814546, 0.6224593312018546, 0.9241418199787566,
                  0.6224593312018546, 0.37754066879814546}),
                fA);
  CHECK_FORWARD(ct::softmax<0>(A),
                ({0.07585818002124356, 0.37754066879814546, 0.6224593312018546, 0.9241418199787566,
                  0.6224593312018546, 0.37754066879814546}),
                fA);
  CHECK_FORWARD(ct::log_softmax(A),
                ({-2.5788897342925496, -0.9740769841801067, -0.4740769841801067, -0.07888973429254956,
                  -0.4740769841801067, -0.9740769841801067}),
                fA);
  CHECK_FORWARD(ct::softmax<1>(A),
                ({0.17682018210744427, 0.030726740326436432, 0.7924530775661193, 0.8021511087320907,
                  0.018864785913277237, 0.17898410535463194}),
                fA);
  CHECK_FORWARD(ct::log_softmax<1>(A),
                ({-1.7326219831020326, -3.4826219831020326, -0.23262198310203266, -0.2204582739855578,
                  -3.9704582739855576, -1.7204582739855578}),
                fA);
}

TEMPLATE_TEST_CASE("forward: softmax log_softmax and sigmoid stay finite at logits of 1000 and -1000",
                   "[forward][softmax]", float, double) {
  // log_softmax(z)_i = z_i - logsumexp(z) at |z| ~ 1000 has condition number ~1000: a backward-stable
  // result may be off by about 1000 ulp(1) absolute (1.2e-4 in float, 2.3e-13 in double).
  constexpr double lse_margin = 1000 * std::numeric_limits<TestType>::epsilon();
  CHECK_FORWARD(ct::softmax(Z),
                ({0.4223187982515182, 0.0, 0.3071958857184984, 0.15536240349696362, 0.0, 0.506480391055654,
                  0.4223187982515182, 1.0, 0.1863237232258476}),
                fZ);
  CHECK_FORWARD_MARGIN(ct::log_softmax(Z),
                ({-0.8619948040582511, -2000.0, -1.1802696706417346, -1.8619948040582512, -2000.0,
                  -0.6802696706417346, -0.8619948040582511, 0.0, -1.6802696706417346}),
                lse_margin, fZ);
  CHECK_FORWARD(ct::softmax<1>(Z), ({1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.0}), fZ);
  CHECK_FORWARD_MARGIN(ct::log_softmax<1>(Z),
                ({0.0, -2000.0, -1000.0, 0.0, -1999.0, -998.5, -0.6931471805599453, -0.6931471805599453,
                  -1001.1931471805599}),
                lse_margin, fZ);
  CHECK_FORWARD(ct::sigmoid(u), ({1.0, 0.0, 0.5, 1.0, 4.248354255291589e-18}), fu);

  // The margin above accepts anything tiny for sigmoid(-40); check it relative to its size too.
  const auto sg = ct::evaluate<TestType>(ct::sigmoid(u), fu);
  CHECK(sg[4] == Approx(4.248354255291589e-18).epsilon(rel_tol<TestType>));
  for (auto x : ct::evaluate<TestType>(ct::softmax(Z), fZ)) CHECK(std::isfinite(x));
  for (auto x : ct::evaluate<TestType>(ct::log_softmax(Z), fZ)) CHECK(std::isfinite(x));
  for (auto x : ct::evaluate<TestType>(ct::softmax<1>(Z), fZ)) CHECK(std::isfinite(x));
  for (auto x : ct::evaluate<TestType>(ct::log_softmax<1>(Z), fZ)) CHECK(std::isfinite(x));
}

}  // namespace forward_test
