#include "analysis/stopwords.h"

#include <map>
#include <sstream>

namespace kbsearch::analysis {
namespace {

// Function words only: articles, pronouns, prepositions, conjunctions and the
// commonest auxiliaries. Words that carry meaning in support questions
// (negation aside) are deliberately left out.
const std::map<std::string_view, std::string_view> kLists = {
    {"th",
     "และ ที่ ของ ใน ได้ ให้ ว่า เป็น มี การ จะ กับ แต่ หรือ ก็ ซึ่ง โดย จาก นี้ นั้น อยู่ แล้ว "
     "ถ้า เพื่อ ยัง อีก ทั้ง ด้วย คือ ความ เมื่อ หาก ต้อง อาจ ไว้ กัน ๆ นะ ครับ ค่ะ คะ"},
    {"sv",
     "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av "
     "mig du henne då sin nu har hans honom skulle hennes där min man vid kunde något från ut när "
     "efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt "
     "mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa "
     "några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje "
     "vilka ditt vem vilket sådana vart dina vars vårt våra ert era"},
    {"tr",
     "acaba ama aslında az bazı belki biri birkaç biz bu çok çünkü da daha de defa diye eğer en "
     "gibi hem hep hepsi her hiç için ile ise kez ki kim mı mi mu mü nasıl ne neden nerede nereye "
     "niçin niye o sanki şey siz şu tüm ve veya ya yani bir olarak"},
    {"sw",
     "na ya wa kwa za la katika ni kama au lakini pia hii hiyo huo hizi hayo ile kuwa kwamba cha "
     "vya ambao ambayo ambapo hata bila kutoka zaidi sana tu je nini nani wakati baada kabla hadi "
     "mpaka kila yake yao wao sisi mimi wewe yeye ninyi huu"},
    {"pt",
     "de a o que e do da em um para com uma os no se na por mais as dos como mas ao ele das à "
     "seu sua ou quando muito nos já eu também só pelo pela até isso ela entre depois sem mesmo "
     "aos seus quem nas me esse eles você essa num nem suas meu às minha numa pelos elas qual nós "
     "lhe deles essas esses pelas este dele tu te vocês vos lhes meus minhas teu tua teus tuas "
     "nosso nossa nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto "
     "aquilo é foi ser está são"},
};

}  // namespace

const std::unordered_set<std::string>& stopwords(std::string_view lang) {
  static const auto* sets = [] {
    auto* m = new std::map<std::string_view, std::unordered_set<std::string>>;
    for (const auto& [code, words] : kLists) {
      std::istringstream in{std::string(words)};
      for (std::string w; in >> w;) (*m)[code].insert(w);
    }
    return m;
  }();
  static const std::unordered_set<std::string> none;
  const auto it = sets->find(lang);
  return it == sets->end() ? none : it->second;
}

}  // namespace kbsearch::analysis
