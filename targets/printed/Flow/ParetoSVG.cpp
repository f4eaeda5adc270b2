//===- ParetoSVG.cpp - Area/accuracy picture of the search's front --------===//
//
// A plain SVG 1.1 file, no scripts or fonts beyond a generic family, every
// coordinate printed with one decimal, so the same report gives the same
// bytes.  x: estimated area (the search's objective, one model for every
// point); y: accuracy.  Training accuracy (what the search bounds) is a step
// line, test accuracy hollow squares; the exact baseline and the chosen
// design are labelled, the loss bound is a dashed line.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Flow/Report.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>

using namespace axon::printed;

namespace {
/// Maps data coordinates into the plot box; x (area, cm^2) is logarithmic
/// because approximate designs are often 10-100x smaller than the exact one.
struct Frame {
  double left = 80, top = 50, width = 520, height = 300;
  double xMin = 0.1, xMax = 1, yMin = 0, yMax = 1;

  double x(double cm2) const {
    double v = std::max(cm2, xMin);
    return left + std::log(v / xMin) / std::log(xMax / xMin) * width;
  }
  double y(double v) const {
    return top + height - (v - yMin) / (yMax - yMin) * height;
  }
};
} // namespace

/// A "nice" tick step (1, 2 or 5 times a power of ten) for about 5 ticks.
static double tickStep(double range) {
  double raw = range / 5;
  double decade = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * decade >= raw)
      return m * decade;
  return 10 * decade;
}

static std::string escape(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

static void axes(llvm::raw_ostream &os, const Frame &f) {
  os << llvm::formatv("<rect x=\"{0:f1}\" y=\"{1:f1}\" width=\"{2:f1}\" "
                      "height=\"{3:f1}\" fill=\"none\" stroke=\"#444\"/>\n",
                      f.left, f.top, f.width, f.height);
  // x: 1, 2 and 5 times each power of ten inside the range.
  int last = int(std::floor(std::log10(f.xMax)));
  for (int e = int(std::floor(std::log10(f.xMin))); e <= last; ++e)
    for (double m : {1.0, 2.0, 5.0}) {
      double v = m * std::pow(10.0, e);
      if (v < f.xMin || v > f.xMax)
        continue;
      os << llvm::formatv(
          "<line x1=\"{0:f1}\" y1=\"{1:f1}\" x2=\"{0:f1}\" y2=\"{2:f1}\" "
          "stroke=\"#ddd\"/><text x=\"{0:f1}\" y=\"{3:f1}\" "
          "text-anchor=\"middle\">{4}</text>\n",
          f.x(v), f.top, f.top + f.height, f.top + f.height + 16,
          llvm::format("%.*f", e < 0 ? -e : 0, v));
    }
  double ys = tickStep(f.yMax - f.yMin);
  for (double v = std::ceil(f.yMin / ys) * ys; v <= f.yMax + 1e-9; v += ys)
    os << llvm::formatv(
        "<line x1=\"{0:f1}\" y1=\"{1:f1}\" x2=\"{2:f1}\" y2=\"{1:f1}\" "
        "stroke=\"#ddd\"/><text x=\"{3:f1}\" y=\"{4:f1}\" "
        "text-anchor=\"end\">{5}</text>\n",
        f.left, f.y(v), f.left + f.width, f.left - 6, f.y(v) + 4,
        llvm::formatv(ys < 1 ? "{0:f1}" : "{0:f0}", v).str());
  os << llvm::formatv(
      "<text x=\"{0:f1}\" y=\"{1:f1}\" text-anchor=\"middle\">"
      "estimated area (cm&#178;, log scale, analytic EGFET model)"
      "</text>\n",
      f.left + f.width / 2, f.top + f.height + 36);
  os << llvm::formatv("<text x=\"20\" y=\"{0:f1}\" text-anchor=\"middle\" "
                      "transform=\"rotate(-90 20 {0:f1})\">accuracy (%)"
                      "</text>\n",
                      f.top + f.height / 2);
}

/// The frame: x from 0 to the largest area, y around every accuracy shown.
static Frame frameFor(const PrintedReport &r) {
  Frame f;
  double xMax = r.baseline.estimatedAreaUm2 / 1e8;
  double xMinPositive = xMax > 0 ? xMax : 1;
  double yMin = 100 * (r.baseline.accuracy.train - r.maxAccuracyLoss);
  double yMax = 100 * r.baseline.accuracy.train;
  for (const FrontPoint &p : r.front) {
    xMax = std::max(xMax, p.estimatedAreaUm2 / 1e8);
    if (p.estimatedAreaUm2 > 0)
      xMinPositive = std::min(xMinPositive, p.estimatedAreaUm2 / 1e8);
    for (double a : {p.accuracy.train, p.accuracy.test}) {
      yMin = std::min(yMin, 100 * a);
      yMax = std::max(yMax, 100 * a);
    }
  }
  f.xMax = xMax > 0 ? xMax * 1.3 : 1;
  f.xMin = std::max(xMinPositive / 1.5, f.xMax * 1e-4);
  double pad = std::max(0.5, (yMax - yMin) * 0.08);
  f.yMin = std::max(0.0, yMin - pad);
  f.yMax = std::min(100.0, yMax + pad);
  if (f.yMax <= f.yMin)
    f.yMax = f.yMin + 1;
  return f;
}

static void series(llvm::raw_ostream &os, const PrintedReport &r,
                   const Frame &f) {
  // The front by ascending area: a step line through the training accuracy.
  std::string path;
  for (size_t i = 0; i < r.front.size(); ++i) {
    const FrontPoint &p = r.front[i];
    double x = f.x(p.estimatedAreaUm2 / 1e8), y = f.y(100 * p.accuracy.train);
    path += llvm::formatv(i == 0 ? "M{0:f1},{1:f1}" : " H{0:f1} V{1:f1}", x, y);
  }
  os << "<path d=\"" << path
     << "\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n";
  for (const FrontPoint &p : r.front) {
    double x = f.x(p.estimatedAreaUm2 / 1e8);
    os << llvm::formatv("<circle cx=\"{0:f1}\" cy=\"{1:f1}\" r=\"3\" "
                        "fill=\"#1f77b4\"/>\n",
                        x, f.y(100 * p.accuracy.train));
    os << llvm::formatv("<rect x=\"{0:f1}\" y=\"{1:f1}\" width=\"6\" "
                        "height=\"6\" fill=\"none\" stroke=\"#ff7f0e\"/>\n",
                        x - 3, f.y(100 * p.accuracy.test) - 3);
  }
  double bound = 100 * (r.baseline.accuracy.train - r.maxAccuracyLoss);
  os << llvm::formatv("<line x1=\"{0:f1}\" y1=\"{1:f1}\" x2=\"{2:f1}\" "
                      "y2=\"{1:f1}\" stroke=\"#888\" stroke-dasharray=\"5,4\"/>"
                      "<text x=\"{2:f1}\" y=\"{3:f1}\" text-anchor=\"end\" "
                      "fill=\"#666\">loss bound (train)</text>\n",
                      f.left, f.y(bound), f.left + f.width, f.y(bound) - 4);
}

static void marker(llvm::raw_ostream &os, const Frame &f, double areaUm2,
                   double accuracy, llvm::StringRef color,
                   llvm::StringRef label) {
  double x = f.x(areaUm2 / 1e8), y = f.y(100 * accuracy);
  os << llvm::formatv("<path d=\"M{0:f1},{1:f1} l7,7 l-7,7 l-7,-7 z\" "
                      "fill=\"{2}\"/>\n",
                      x, y - 7, color);
  bool right = x < f.left + f.width * 0.7;
  os << llvm::formatv("<text x=\"{0:f1}\" y=\"{1:f1}\" text-anchor=\"{2}\" "
                      "fill=\"{3}\">{4}</text>\n",
                      right ? x + 10 : x - 10, y - 10, right ? "start" : "end",
                      color, escape(label));
}

static void legend(llvm::raw_ostream &os, const Frame &f) {
  double x = f.left + 10, y = f.top + f.height + 56;
  os << llvm::formatv("<circle cx=\"{0:f1}\" cy=\"{1:f1}\" r=\"3\" "
                      "fill=\"#1f77b4\"/><text x=\"{2:f1}\" y=\"{3:f1}\">"
                      "front, training accuracy</text>\n",
                      x, y, x + 8, y + 4);
  os << llvm::formatv("<rect x=\"{0:f1}\" y=\"{1:f1}\" width=\"6\" "
                      "height=\"6\" fill=\"none\" stroke=\"#ff7f0e\"/><text "
                      "x=\"{2:f1}\" y=\"{3:f1}\">test accuracy</text>\n",
                      x + 190 - 3, y - 3, x + 198, y + 4);
  os << llvm::formatv("<path d=\"M{0:f1},{1:f1} l5,5 l-5,5 l-5,-5 z\" "
                      "fill=\"#d62728\"/><text x=\"{2:f1}\" y=\"{3:f1}\">"
                      "baseline / chosen (training)</text>\n",
                      x + 310, y - 5, x + 318, y + 4);
}

std::string axon::printed::renderParetoSVG(const PrintedReport &r) {
  Frame f = frameFor(r);
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" "
        "height=\"430\" viewBox=\"0 0 640 430\" font-family=\"sans-serif\" "
        "font-size=\"11\">\n"
        "<rect width=\"640\" height=\"430\" fill=\"white\"/>\n";
  os << llvm::formatv("<text x=\"320\" y=\"24\" text-anchor=\"middle\" "
                      "font-size=\"14\">{0} ({1}): area vs accuracy, "
                      "{2} front designs</text>\n",
                      escape(r.model), escape(r.topology), r.front.size());
  axes(os, f);
  series(os, r, f);
  marker(os, f, r.baseline.estimatedAreaUm2, r.baseline.accuracy.train,
         "#d62728", "exact baseline");
  marker(
      os, f, r.chosen.estimatedAreaUm2, r.chosen.accuracy.train, "#2ca02c",
      llvm::formatv("chosen (<= {0:f1}% loss)", 100 * r.maxAccuracyLoss).str());
  legend(os, f);
  os << "</svg>\n";
  return out;
}
