// placeholder until the audit writer lands
#include "tools/overens/commands.h"
namespace overens {
int RunAudit(const CommandEnv& env) { env.err << "overens: audit: not yet\n"; return kExitUsage; }
}
