# Seeds a GACHI_DATA_DIR for screenshots: two client files (the review's owner and
# consultant firms) and the app's stored state (language, screen, open client).
import json, sys, os
# usage: seed.py DATA_DIR LANG SCREEN
data, lang, screen = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(data + "/clients", exist_ok=True)
# SEED_CASE picks another case for the open client (e.g. o-applications-welding-firm).
case_file = os.environ.get("SEED_CASE", "a-root-micro-casting")
case = json.load(open(os.path.join(os.path.dirname(__file__), f"../../data/cases/{case_file}.json")))["profile"]
if case_file == "a-root-micro-casting":
    case["name"] = "경남정밀주조"
robot = json.load(open(os.path.join(os.path.dirname(__file__), "../../data/cases/b-robot-firm.json")))["profile"]
robot["name"] = "경기로봇SI"
for p in (case, robot):
    json.dump(p, open(f"{data}/clients/{p['name']}.json", "w"), ensure_ascii=False, indent=2)
def ron_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'
prof = json.dumps(case, ensure_ascii=False, indent=2) + "\n"
client = f'Some({ron_str(data + "/clients/" + case["name"] + ".json")})'
inner = (f'(lang:{lang},dark:false,screen:{screen},page:0,profile:{ron_str(prof)},'
         f'doc:(client:{client},saved:{ron_str(prof)}),recent:[],catalogue_path:None,workspace:None)')
open(data + "/app.ron", "w").write('{\n    "gachi-state": ' + ron_str(inner) + ',\n}\n')
