// Tests for kbsearch::identify_language: real support texts in each of the
// five tuned languages, the corpus seeds, and texts too poor to identify.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kbsearch/analyzer.h"

namespace kbsearch {
namespace {

// "If you forgot your password, click Forgot password on the sign-in page.
//  Then follow the instructions in the email we send you."
TEST(IdentifyLanguage, Thai) {
  EXPECT_EQ(identify_language("หากคุณลืมรหัสผ่าน ให้คลิกลืมรหัสผ่านในหน้าเข้าสู่ระบบ "
                              "จากนั้นทำตามคำแนะนำในอีเมลที่เราส่งถึงคุณ"),
            "th");
}

TEST(IdentifyLanguage, Swedish) {
  EXPECT_EQ(identify_language("Om du har glömt ditt lösenord klickar du på Glömt lösenord på "
                              "inloggningssidan. Följ sedan instruktionerna i e-postmeddelandet "
                              "som vi skickar till dig."),
            "sv");
}

TEST(IdentifyLanguage, Turkish) {
  EXPECT_EQ(identify_language("Şifrenizi unuttuysanız giriş sayfasındaki Şifremi unuttum "
                              "bağlantısına tıklayın. Ardından size gönderdiğimiz e-postadaki "
                              "talimatları izleyin."),
            "tr");
}

TEST(IdentifyLanguage, Swahili) {
  EXPECT_EQ(identify_language("Ikiwa umesahau nenosiri lako, bofya kiungo cha Umesahau nenosiri "
                              "kwenye ukurasa wa kuingia. Kisha fuata maelekezo katika barua "
                              "pepe tutakayokutumia."),
            "sw");
}

TEST(IdentifyLanguage, Portuguese) {
  EXPECT_EQ(identify_language("Se você esqueceu sua senha, clique em Esqueci minha senha na "
                              "página de login. Em seguida, siga as instruções do e-mail que "
                              "enviaremos para você."),
            "pt");
}

// A second, shorter text per language: one sentence about an update.
TEST(IdentifyLanguage, OneSentenceAboutAnUpdate) {
  EXPECT_EQ(identify_language("โปรดอัปเดตแอปพลิเคชันเป็นเวอร์ชันล่าสุดเพื่อแก้ไขปัญหาการเข้าสู่ระบบ"),
            "th");
  EXPECT_EQ(identify_language("Uppdatera appen till den senaste versionen för att åtgärda "
                              "problemet med inloggningen."),
            "sv");
  EXPECT_EQ(identify_language("Oturum açma sorununu gidermek için uygulamayı en son sürüme "
                              "güncelleyin."),
            "tr");
  EXPECT_EQ(identify_language("Sasisha programu hadi toleo jipya zaidi ili kutatua tatizo la "
                              "kuingia kwenye akaunti yako."),
            "sw");
  EXPECT_EQ(identify_language("Atualize o aplicativo para a versão mais recente para corrigir o "
                              "problema de acesso à sua conta."),
            "pt");
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// corpus/seeds/000_*.txt .. 004_*.txt are, in order, th sv tr sw pt.
TEST(IdentifyLanguage, CorpusSeeds) {
  const std::filesystem::path dir = std::filesystem::path(KBSEARCH_SOURCE_DIR) / "corpus" / "seeds";
  const std::vector<std::string> expected = {"th", "sv", "tr", "sw", "pt"};
  std::vector<std::filesystem::path> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 4 && name[0] == '0' && name[1] == '0' && name[2] >= '0' && name[2] <= '4' &&
        name[3] == '_' && entry.path().extension() == ".txt") {
      seeds.push_back(entry.path());
    }
  }
  std::sort(seeds.begin(), seeds.end());
  ASSERT_EQ(seeds.size(), expected.size()) << "in " << dir;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    SCOPED_TRACE(seeds[i].filename().string());
    const std::string text = ReadFile(seeds[i]);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(identify_language(text), expected[i]);
  }
}

TEST(IdentifyLanguage, NothingToIdentifyGivesEmpty) {
  EXPECT_EQ(identify_language(""), "");
  EXPECT_EQ(identify_language("12345"), "");
}

}  // namespace
}  // namespace kbsearch
