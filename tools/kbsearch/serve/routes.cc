#include "routes.h"

namespace kbsearch::serve {

std::vector<const Route*> routes_of(const Routes& routes, const std::string& path, std::string& param) {
  std::vector<const Route*> found;
  for (const Route& route : routes) {
    if (route.prefix ? path.size() > route.path.size() && path.compare(0, route.path.size(), route.path) == 0
                     : path == route.path) {
      found.push_back(&route);
      param = route.prefix ? path.substr(route.path.size()) : std::string();
    }
  }
  return found;
}

}  // namespace kbsearch::serve
