//! Every fixed string Gachi shows or writes — the app's screens and the exports
//! (report, calendar, diagram, comparison) — in one table, Korean and English.
//! Data (programme names, reasons) carries its own two languages (`text::Text`).

use crate::text::Lang;

/// One fixed string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct S {
    pub ko: &'static str,
    pub en: &'static str,
}

impl S {
    /// A string not in the table (a label chosen by a match).
    pub const fn new(ko: &'static str, en: &'static str) -> S {
        S { ko, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.ko,
            Lang::En => self.en,
        }
    }
}

macro_rules! strings {
    ($($(#[$doc:meta])* $name:ident = $ko:literal, $en:literal;)*) => {
        $($(#[$doc])* pub const $name: S = S { ko: $ko, en: $en };)*
        /// Every string, for the completeness test.
        pub const EVERY: &[S] = &[$($name,)*];
    };
}

strings! {
    APP_TITLE = "같이 — 정부 지원사업 경로 찾기", "Gachi — government support pathways";
    LANGUAGE = "English", "한국어";
    THEME_DARK = "어둡게", "Dark";
    THEME_LIGHT = "밝게", "Light";
    NAV_START = "처음", "Start";
    NAV_QUESTIONS = "기업 정보", "Firm profile";
    NAV_RESULTS = "추천 경로", "Pathway";
    NAV_CATALOGUE = "사업 목록", "Programmes";
    NEW_PROFILE = "새 프로필", "New profile";
    FILE_MENU = "파일 ▼", "File ▼";
    OPEN_PROFILE = "프로필 열기…", "Open profile…";
    SAVE_PROFILE = "프로필 저장…", "Save profile…";
    OPEN_PLAN = "계획 열기…", "Open plan…";
    EXPORT_PLAN = "계획 내보내기…", "Export plan…";
    OPEN_CATALOGUE = "다른 카탈로그 열기…", "Open another catalogue…";
    USE_BUILTIN = "기본 카탈로그 사용", "Use the built-in catalogue";
    RECENT_FILES = "최근 파일", "Recent files";
    KIND_PROFILE = "프로필", "profile";
    KIND_PLAN = "계획", "plan";
    KIND_CATALOGUE = "카탈로그", "catalogue";
    NO_RECENT = "최근에 연 파일이 없습니다.", "No recent files.";
    CONTINUE_PROFILE = "이어서 작성", "Continue";
    START_INTRO = "우리 회사에 맞는 산업부·중기부 지원사업을 어떤 순서로 쓰면 좋을지 찾아 드립니다. 몇 가지 질문에 답하면 바로 경로가 나옵니다.", "Find which MOTIE and MSS support programmes fit your firm, and in what order. Answer a few questions and the pathway appears at once.";
    CATALOGUE_IN_USE = "사용 중인 카탈로그", "Catalogue in use";
    PROGRAMMES = "개 사업", "programmes";
    AS_OF = "기준", "as of";
    BUILTIN = "기본 제공", "built in";
    DISMISS = "닫기", "Dismiss";
    // Questionnaire
    PAGE_BASIC = "기본 정보", "Basics";
    PAGE_INDUSTRY = "업종·기술", "Industry and technology";
    PAGE_STATUS = "인증·현황", "Certifications and status";
    PAGE_GOALS = "목표·자금", "Goals and funding";
    BACK = "← 이전", "← Back";
    NEXT = "다음 →", "Next →";
    SHOW_RESULTS = "경로 보기 →", "See the pathway →";
    DONT_KNOW = "모름", "Don't know";
    YES = "예", "Yes";
    NO = "아니오", "No";
    Q_NAME = "회사 이름", "Firm name";
    Q_NAME_WHY = "계획서와 파일 이름에 씁니다.", "Used on the plan and as the file name.";
    Q_NAME_EMPTY = "회사 이름을 입력하세요.", "Enter the firm's name.";
    Q_FOUNDED = "설립 연월", "Founded (year and month)";
    Q_FOUNDED_WHY = "업력(창업 7년 이내 등)을 따지는 사업이 많습니다.", "Many programmes depend on business age (e.g. under 7 years).";
    Q_FOUNDED_FUTURE = "미래 날짜는 입력할 수 없습니다.", "The date cannot be in the future.";
    YEAR = "년", "year";
    MONTH_UNKNOWN = "월 모름", "month unknown";
    Q_EMPLOYEES = "상시근로자 수", "Regular employees";
    Q_EMPLOYEES_WHY = "소상공인·소공인(10명 미만) 여부와 기업 규모를 정합니다.", "Decides micro-business status (fewer than 10) and the size class.";
    PERSONS = "명", "people";
    Q_REVENUE = "작년 매출액", "Last year's sales";
    Q_REVENUE_WHY = "중소기업·소기업 기준은 업종별 매출액으로 정해집니다.", "SME and small-firm status are set by sales, per industry.";
    EOK = "억", "억 (100M)";
    MAN = "만원", "만 (10K) won";
    Q_REGION = "본사 소재지", "Head office region";
    Q_REGION_WHY = "지역 사업과 비수도권 우대를 확인합니다.", "Checks regional programmes and non-capital preferences.";
    Q_GROUP = "상호출자제한기업집단(대기업 집단) 소속인가요?", "Part of a large business group (상호출자제한기업집단)?";
    Q_GROUP_WHY = "소속이면 대기업으로 봅니다.", "If so, the firm counts as a large firm.";
    Q_KSIC = "업종", "Industry";
    Q_KSIC_WHY = "제조업 여부와 업종별 규모 기준에 씁니다.", "Used for manufacturing-only programmes and the size ceilings.";
    Q_SECTION = "대분류", "Section";
    Q_DIVISION = "중분류", "Division";
    Q_KSIC_CODE = "업종 코드 (예: C24)", "KSIC code (e.g. C24)";
    Q_KSIC_BAD = "업종 코드는 대분류 문자와 두 자리 숫자입니다 (예: C24, J62).", "A KSIC code is a section letter and two digits (e.g. C24, J62).";
    Q_USES_ROOT = "주조·금형·용접 같은 뿌리 공정을 씁니까?", "Do you use root processes such as casting, moulds or welding?";
    Q_ROOT = "사용하는 뿌리기술", "Root technologies used";
    Q_ROOT_WHY = "뿌리기업 지원(산업부)과 뿌리 자동화 경로에 씁니다.", "Used for root-industry support (MOTIE) and the root automation pathway.";
    Q_CERTS = "보유한 인증·지정", "Certifications and designations held";
    Q_CERTS_WHY = "인증이 조건이거나 가점이 되는 사업이 있습니다.", "Some programmes require a certification or give bonus points for it.";
    Q_SMART = "스마트공장 수준", "Smart-factory level";
    Q_SMART_WHY = "스마트공장 지원은 현재 수준에 따라 달라집니다.", "Smart-factory support depends on the current level.";
    Q_EXPORTING = "지금 수출하고 있나요?", "Does the firm export today?";
    Q_EXPORTING_WHY = "수출기업 대상 사업과 수출바우처 단계를 정합니다.", "Decides export-only programmes and the export-voucher stage.";
    Q_GOALS = "어떤 도움이 필요하세요?", "What do you need help with?";
    Q_GOALS_WHY = "고르지 않으면 모든 분야를 봅니다.", "Choose none to see every kind of support.";
    Q_MARKETS = "진출하려는 시장", "Markets you want to enter";
    Q_MARKETS_WHY = "해외 인증과 수출 지원을 고를 때 씁니다.", "Used for overseas certification and export support.";
    Q_FUNDING = "필요한 자금", "Money needed";
    Q_FUNDING_WHY = "융자·보증 한도와 비교합니다.", "Compared with loan and guarantee limits.";
    Q_RECEIVED = "이미 받은 사업", "Programmes already received";
    Q_RECEIVED_WHY = "다시 추천하지 않고, 다음 단계의 선행 사업으로 봅니다.", "Not recommended again; counted as done for what follows.";
    Q_NOTES = "메모", "Notes";
    Q_NOTES_WHY = "상담 내용 등 자유롭게 적으세요. 파일에 그대로 저장됩니다.", "Anything worth keeping, e.g. from an advising session. Saved as written.";
    WHATIF = "가정해 보기", "What if";
    WHATIF_WHY = "조건을 바꿔 보면 경로가 바로 바뀝니다. 저장된 프로필은 '적용'을 누를 때까지 그대로입니다.", "Change an answer and the pathway follows at once. The saved profile stays as it is until you apply.";
    WHATIF_APPLY = "프로필에 적용", "Apply to the profile";
    OPEN_NOW = "지금 접수 중", "open now";
    APPLY_UNKNOWN = "신청 시기 미정 (공고 확인 필요)", "application window unknown (check the notice)";
    UNTIL_BUDGET = "예산 소진 시까지", "until the budget is used";
    CLOSE_UNKNOWN = "마감일 확인 필요", "closing date to verify";
    CALL = "공고", "Call";
    MAJOR_CHANGE = "큰 변화가 필요한 경우", "Only with a major change";
    WHATIF_RESET = "처음 값으로", "Reset";
    WHATIF_CLOSE = "닫기", "Close";
    WHATIF_GAINED = "새로 가능한 사업", "Programmes gained";
    WHATIF_LOST = "더 이상 안 되는 사업", "Programmes lost";
    WHATIF_ACTIVE = "가정 중: 저장된 프로필과 다른 조건으로 계산한 경로입니다.", "What-if: this pathway is for changed answers, not the saved profile.";
    UNLOCK = "이렇게 되면 받을 수 있습니다", "Would qualify";
    UNLOCK_NONE = "바꿀 수 있는 조건으로는 받을 수 없습니다.", "No change the firm can make would qualify it.";
    NAV_CLIENTS = "고객", "Clients";
    CLIENTS = "고객 목록", "Clients";
    WORKSPACE_FOLDER = "작업 폴더", "Workspace folder";
    CHANGE_FOLDER = "폴더 바꾸기…", "Change folder…";
    NO_WORKSPACE = "작업 폴더를 찾을 수 없습니다. 폴더를 골라 주세요.", "No workspace folder found. Choose one.";
    NEW_CLIENT = "새 고객", "New client";
    NEW_CLIENT_NAME = "새 고객", "New client";
    SAVE_AS_CLIENT = "지금 프로필을 고객으로 저장", "Save this profile as a client";
    SAVE_CLIENT = "고객 저장", "Save client";
    SORT_RECENT = "최근 변경순", "Last changed";
    SORT_NAME = "이름순", "Name";
    NO_CLIENTS = "고객이 없습니다. '새 고객'으로 시작하세요.", "No clients yet. Start with 'New client'.";
    DUPLICATE = "복제", "Duplicate";
    RENAME = "이름 바꾸기", "Rename";
    DELETE = "삭제", "Delete";
    OK = "확인", "OK";
    COPY_SUFFIX = "(사본)", "(copy)";
    MOVED_TO_TRASH = "휴지통 폴더로 옮겼습니다", "Moved to the trash folder";
    TRASH_NOTE = "삭제한 파일은 작업 폴더의 trash 폴더로 옮겨지며 지워지지 않습니다. 파일은 이 컴퓨터 밖으로 나가지 않습니다.", "Deleted files move to the workspace's trash folder and are not erased. Nothing leaves this computer.";
    IMPORT_BIZINFO = "기업마당 공고 파일 가져오기…", "Import bizinfo file…";
    BIZINFO_IMPORTED = "기업마당 공고를 카탈로그에 합쳤습니다", "bizinfo notices merged into the catalogue";
    IMPORTED = "새 공고", "added";
    MERGED = "기존 사업에 연결", "attached to curated programmes";
    SKIPPED = "건너뜀", "skipped";
    // Fetching notices in the app (docs/feeds.md, "In the app")
    FETCH_NOTICES = "공고 새로 받기", "Fetch new notices";
    FETCH_TITLE = "서비스에서 공고 받기", "Fetch notices from the service";
    FETCH_WHY = "발급받은 API 키로 공고를 모두 받아 사용 중인 카탈로그에 합칩니다. 키는 프로필·계획·앱 설정 파일에 쓰지 않습니다.", "Fetches every notice with your API key and merges them into the catalogue in use. The key is never written to a profile, plan or settings file.";
    FETCH_SOURCE = "받을 곳", "Source";
    FETCH_KEY = "API 키", "API key";
    FETCH_SAVED_KEY = "이 컴퓨터에 저장된 키를 씁니다. 다른 키를 쓰려면 입력하세요.", "The key saved on this computer will be used; type another to use it instead.";
    FETCH_FORGET_KEY = "저장된 키 지우기", "Delete the saved key";
    FETCH_SAVE_KEY = "이 컴퓨터에 키 저장 (OS 키 보관함)", "Save the key on this computer (OS keyring)";
    FETCH_GO = "받기", "Fetch";
    FETCH_RUNNING = "공고를 받는 중…", "Fetching notices…";
    FETCH_PAGE = "쪽", "page";
    FETCH_COUNT = "공고", "notices";
    FETCH_OF = "전체", "of";
    FETCH_CANCELLED = "받기를 취소했습니다", "Fetch cancelled";
    FETCH_FAILED = "공고를 받지 못했습니다", "Could not fetch the notices";
    FETCH_NO_KEY = "키가 없습니다", "No key";
    CATALOGUE_UNCHANGED = "카탈로그는 바뀌지 않았습니다.", "The catalogue is unchanged.";
    KEY_NOT_SAVED = "키를 OS 키 보관함에 저장하지 못했습니다", "The key could not be saved in the OS keyring";
    KEY_NOT_SAVED_WHY = "이번 받기는 입력한 키로 합니다. 다음에는 키를 다시 입력하세요.", "This fetch uses the key typed; type it again next time.";
    KEY_DELETED = "저장된 키를 지웠습니다", "The saved key was deleted";
    KEY_NOT_DELETED = "저장된 키를 지우지 못했습니다", "The saved key could not be deleted";
    FEED_MARK = "기업마당 공고", "bizinfo notice";
    LAST_CHANGED = "마지막 변경", "last changed";
    EXPORT_REPORT = "보고서 저장 (HTML)…", "Save report (HTML)…";
    EXPORT_ICS = "일정 파일 (.ics)…", "Calendar file (.ics)…";
    COMPARE_PLAN = "저장된 계획과 비교…", "Compare with a saved plan…";
    COMPARISON = "계획 비교 (저장된 계획 → 지금)", "Plan comparison (saved plan → now)";
    SAVED_PLAN = "저장된 계획", "Saved plan";
    GRANTS_PART = "보조금·바우처 등", "grants, vouchers and other support";
    LOANS_PART = "융자·보증 (갚는 돈)", "loans and guarantees (to repay)";
    CURRENT_PLAN = "지금 계획", "Current plan";
    JOINT_NUMBERS_BY_DATE = "(번호는 신청 시기 순서입니다. 시기 미정 단계는 가장 이른 때에 두었습니다)", "(numbers follow when to apply; steps of unknown window sit at the earliest time)";
    JOINT_PATHWAY = "부처 연계 경로", "Joint pathway";
    NO_JOINT = "이 계획에는 부처 간 연계 단계가 없습니다.", "This plan has no cross-ministry hand-over.";
    TIMELINE = "일정", "Timeline";
    FOUNDED_YEARS = "업력", "in business";
    YEARS = "년", "years";
    ELIGIBLE_BADGE = "○ 적격", "○ eligible";
    VERIFY_BADGE = "? 확인 필요", "? to verify";
    NOT_BADGE = "× 부적격", "× not eligible";
    RECEIVED_BADGE = "이미 받음·보유", "already received or held";
    SEARCH = "검색", "Search";
    LIVE_SIZE = "기업 규모", "Size class";
    LIVE_ELIGIBLE = "적격", "eligible";
    LIVE_VERIFY = "확인 필요", "to verify";
    LIVE_NOT = "부적격", "not eligible";
    UNKNOWN_SIZE = "확인 필요", "to verify";
    // Results
    RESULTS_EMPTY = "지금 조건으로는 추천할 단계가 없습니다. 목표를 바꾸거나 '그 밖에 가능' 목록을 보세요.", "No step to recommend with these answers. Change the goals or look at 'Also eligible'.";
    EDIT_PROFILE = "프로필 수정", "Edit profile";
    TAB_STEPS = "계획 단계", "Plan steps";
    TAB_ALSO = "그 밖에 가능", "Also eligible";
    TAB_VERIFY = "그 밖에 확인 필요", "Others to verify";
    TAB_NOT = "부적격", "Not eligible";
    LEGEND = "범례", "Legend";
    LEGEND_CROSS = "부처 연계", "Cross-ministry link";
    LEGEND_OTHER = "기타 기관", "Other bodies";
    TOTAL_STEPS = "단계", "steps";
    TOTAL_STEP_ONE = "단계", "step";
    TOTAL_SUPPORT = "최대 지원 (출처 있는 금액 합)", "Maximum support (sum of sourced amounts)";
    TOTAL_CROSS = "부처 연계", "cross-ministry links";
    TO_VERIFY_AMOUNT = "확인 필요", "to verify";
    SELF_SHARE = "자부담", "own share";
    WINDOW_CONFIRMED = "공고로 확인된 신청 월", "months confirmed by a notice";
    WINDOW_FORECAST = "예상 (지난 공고 기준)", "forecast (from the last call)";
    WINDOW_ROLLING = "상시 신청", "rolling";
    WINDOW_TO_VERIFY = "일정 확인 필요", "window to verify";
    END_ASSUMED = "기간은 가정", "duration assumed";
    WAITS_FOR = "먼저 할 일", "Comes after";
    WHY_STEP = "추천 이유", "Why this step";
    CONDITIONS = "조건", "Conditions";
    SELECT_PROGRAMME = "사업을 누르면 자세한 내용이 여기에 나옵니다.", "Select a programme to see its details here.";
    DETAIL_SUMMARY = "요약", "Summary";
    DETAIL_SUPPORT = "지원 내용", "Support";
    DETAIL_WINDOW = "신청 시기", "Application window";
    DETAIL_AGENCY = "수행기관", "Implementing agency";
    DETAIL_MINISTRY = "부처", "Ministry";
    DETAIL_SOURCE = "출처", "Source";
    DETAIL_LINKS = "연계 사업", "Linked programmes";
    DETAIL_ORIGINAL = "공고 원문 조건", "Conditions as written";
    OPEN_SOURCE = "출처 열기 ↗", "Open the source ↗";
    NOT_WEB_URL = "http(s) 주소가 아니라 열지 않습니다.", "Not an http(s) address, so it is not opened.";
    MAX_AMOUNT = "최대", "up to";
    NOT_CHOSEN = "계획에 넣지 않은 이유", "Why not in the plan";
    DURATION = "기간", "Duration";
    MONTHS_UNIT = "개월", "months";
    CONFIDENCE = "신뢰도", "Confidence";
    PLAN_FROM_FILE = "파일에서 연 계획", "Plan opened from a file";
    CATALOGUE_MISMATCH = "이 계획은 다른 카탈로그로 만들어졌습니다. 지금 카탈로그로 다시 계산했습니다.", "This plan was made with a different catalogue; it has been recomputed with the current one.";
    // Browser
    ALL = "전체", "All";
    COL_NAME = "사업명", "Programme";
    COL_MINISTRY = "부처", "Ministry";
    COL_CATEGORY = "분야", "Category";
    COL_AGENCY = "수행기관", "Agency";
    COL_SUPPORT = "최대 지원", "Max support";
    COL_WINDOW = "신청 시기", "Window";
    COL_STATUS = "우리 회사", "For this firm";
    FILTER_TAG = "태그", "Tag";
    SHOWN = "개 표시", "shown";
    // Messages
    SAVED = "저장했습니다", "Saved";
    OPENED = "열었습니다", "Opened";
    CANNOT_OPEN = "열 수 없습니다", "Cannot open";
    CANNOT_SAVE = "저장하지 못했습니다 (기존 파일은 그대로입니다)", "Could not save (the existing file is unchanged)";
    CATALOGUE_LOADED = "카탈로그를 불러왔습니다", "Catalogue loaded";
    KEPT_PREVIOUS = "이전 내용을 그대로 유지합니다.", "The previous content is kept.";
    // Documents, questions, undo
    UNTITLED = "이름 없는 프로필", "Unnamed profile";
    NOT_A_CLIENT = "고객 파일 없음", "not a client file";
    DOC_HOVER = "지금 프로필이 들어 있는 고객 파일입니다. '고객 저장'은 이 파일에 씁니다.", "The client file this profile belongs to. 'Save client' writes to it.";
    UNSAVED_HOVER = "저장하지 않은 변경이 있습니다.", "There are unsaved changes.";
    SAVED_HOVER = "모두 저장되어 있습니다.", "Everything is saved.";
    ASK_UNSAVED = "저장하지 않은 변경이 있습니다", "There are unsaved changes";
    ASK_UNSAVED_WHY = "계속하면 이 프로필의 변경 내용이 고객 파일에 남지 않습니다.", "If you go on, this profile's changes are not kept in a client file.";
    SAVE_AND_CONTINUE = "저장하고 계속", "Save and go on";
    DISCARD_AND_CONTINUE = "저장하지 않고 계속", "Go on without saving";
    CLOSE_WITHOUT_SAVING = "저장하지 않고 닫기", "Close without saving";
    CANCEL = "취소", "Cancel";
    ASK_CLOSE = "저장하지 않고 닫을까요?", "Close without saving?";
    ASK_DELETE = "이 고객을 삭제할까요?", "Delete this client?";
    ASK_DELETE_WHY = "파일은 작업 폴더의 trash 폴더로 옮겨지며, 알림의 '되돌리기'로 다시 가져올 수 있습니다.", "The file moves to the workspace's trash folder; 'Undo' in the banner brings it back.";
    ASK_NAME_CHANGED = "회사 이름이 고객 파일과 다릅니다", "The firm's name differs from the client file";
    ASK_NAME_CHANGED_WHY = "다른 회사라면 새 고객으로 저장하세요. 같은 회사의 이름만 바뀌었다면 지금 고객 파일에 덮어쓰세요 (이전 내용은 trash 폴더에 남고, 다른 고객의 파일은 건드리지 않습니다).", "If this is another firm, save it as a new client. If only the name changed, save over the open client's file (the previous version stays in the trash folder; no other client's file is touched).";
    SAVE_AS_NEW_CLIENT = "새 고객으로 저장", "Save as a new client";
    OVERWRITE = "이 고객 파일에 덮어쓰기", "Save over this client's file";
    PREVIOUS_KEPT = "이전 내용 보관", "previous version kept at";
    UNDO = "되돌리기", "Undo";
    UNDONE = "되돌렸습니다", "Undone";
    WHATIF_APPLIED = "가정한 조건을 프로필에 적용했습니다", "The what-if answers are now the profile";
    WHATIF_APPLY_HINT = "아래 '바뀐 조건'이 프로필에 들어갑니다. 알림의 '되돌리기'로 취소할 수 있습니다.", "The changes listed below go into the profile; 'Undo' in the banner takes them back.";
    WHATIF_CHANGES = "바뀐 조건", "Changed answers";
    WHATIF_BONUS = "가점·우대가 생기는 사업", "Programmes where it earns bonus points";
    OTHER_ANSWERS_CHANGED = "그 밖의 답 (받은 사업·메모) 변경", "other answers (programmes received, notes) changed";
    OPEN_FOLDER = "폴더 열기", "Open the folder";
    NO_DIALOG = "파일 선택 창을 열 수 없습니다", "No file dialog can open";
    NO_DIALOG_WHY = "이 컴퓨터에는 파일 선택 창(xdg-desktop-portal 또는 zenity)이 없습니다. 고객 목록이나 최근 파일에서 여세요.", "This computer has no file dialog (xdg-desktop-portal or zenity). Open files from the client list or recent files.";
    TYPE_PATH = "파일 경로", "File path";
    TYPE_PATH_WHY = "이 컴퓨터에는 파일 선택 창(xdg-desktop-portal 또는 zenity)이 없습니다. 열 파일의 경로를 입력하거나 붙여 넣으세요 (예: /home/사용자/다운로드/공고.json).", "This computer has no file dialog (xdg-desktop-portal or zenity). Type or paste the path of the file to open (e.g. /home/user/Downloads/notices.json).";
    SAVED_WITHOUT_DIALOG = "파일 선택 창을 열 수 없어 아래 폴더에 저장했습니다", "No file dialog could open, so the file was saved in the folder below";
    TYPE_NUMBER = "숫자", "number";
    NONE = "없음", "None";
    // Results layout and words
    DETAIL_FULL = "크게 보기", "Full size";
    DETAIL_BACK = "← 경로로 돌아가기", "← Back to the pathway";
    FOLD_PATHWAY = "경로·일정 접기", "Fold the pathway and timeline";
    UNFOLD_PATHWAY = "경로·일정 펼치기", "Show the pathway and timeline";
    SPLITTER_HINT = "경로 아래 경계선을 끌어 높이를 바꿀 수 있습니다.", "Drag the line under the pathway to change its height.";
    CARD_APPLY = "신청", "Apply";
    CARD_PERIOD = "사업 기간", "Project";
    ASSUMED = "가정", "assumed";
    WORD_CONFIRMED = "확정", "confirmed";
    WORD_FORECAST = "예상", "forecast";
    WORD_ROLLING = "상시", "rolling";
    WORD_UNKNOWN = "미정", "not announced";
    AMOUNT_TO_VERIFY = "금액 확인 필요", "amount to verify";
    STEPS_AMOUNT_UNKNOWN = "단계는 금액 확인 필요", "steps with the amount to verify";
    GRANTS_TOTAL = "보조금·바우처 등 최대", "Grants, vouchers and other support, up to";
    GRANTS_TOTAL_WHY = "출처에 금액이 있는 단계만 더했습니다. R&D 과제와 갚아야 하는 융자·보증은 따로 적습니다.", "Only steps whose source states an amount; R&D projects and loans and guarantees, which are repaid, are shown apart.";
    GOALS_WITHOUT_STEP = "맞는 사업을 찾지 못한 목표", "Goals with no suitable programme";
    GOALS_WITHOUT_STEP_WHY = "이 목표에 맞는 사업이 카탈로그에 없거나, 지역·업종·준비 단계가 맞지 않아 억지로 넣지 않았습니다. '그 밖에 가능' 탭에서 이유를 볼 수 있습니다.", "No programme in the catalogue suits this goal for this firm (region, industry or readiness), so none was forced in. The 'Also eligible' tab gives the reasons.";
    WHATIF_GAINED_ELIGIBLE = "○ 조건 충족:", "○ eligible:";
    WHATIF_GAINED_VERIFY = "? 확인 필요:", "? to verify:";
    WHATIF_GAINED_VERIFY_WHY = "이 조건을 확인해야 신청할 수 있습니다:", "These conditions must be checked before applying:";
    GRANTS_ELIGIBLE = "보조금·바우처 (조건 충족 단계) 최대", "Grants and vouchers (steps whose conditions are met), up to";
    GRANTS_IF_VERIFIED = "확인 필요 단계까지 최대", "with the steps to verify, up to";
    GRANTS_SOURCE_UNSURE = "금액 출처 확인 필요", "amount's source to verify";
    GRANTS_SOURCE_UNSURE_WHY = "이 금액에 들어간 단계 가운데 공식 공고가 아닌 자료(블로그·지난 자료)로만 확인된 금액이 있습니다. 단계 카드의 신뢰도 표시를 보세요.", "Some steps in this figure have amounts found only in unofficial or older sources (a blog, past material); see the confidence mark on each card.";
    GRANTS_NONE_MET = "조건이 모두 확인된 단계 없음", "no step with every condition met yet";
    GRANTS_UNCHECKED = "조건을 확인하지 못한 {n}단계 제외", "{n} steps with no condition checked left out";
    GRANTS_UNCHECKED_WHY = "이 단계들은 조건이 모두 공고문에서 직접 확인할 내용이라, 맞는지 알 수 있는 것이 없어 합계에 넣지 않았습니다. 금액은 각 단계에 있습니다.", "Every condition of these steps is one to read in the notice, so nothing shows they fit; they are not added up. Each step shows its own amount.";
    GRANTS_IF_VERIFIED_WHY = "조건을 아직 확인하지 못한 단계의 금액입니다. 조건이 맞지 않으면 받을 수 없습니다.", "Amounts of steps whose conditions are not yet verified; if they are not met, the firm gets nothing from them.";
    RND_PART = "R&D 과제 최대 (한 과제)", "R&D project, up to (one project)";
    RND_PART_TO_VERIFY = "R&D 과제 최대 (한 과제, 조건 확인 필요)", "R&D project, up to (one project, conditions to verify)";
    RND_PART_WHY = "R&D 사업은 보통 한 번에 한 과제를 수행하므로(동시 수행 과제 수 제한) 더하지 않고 가장 큰 과제 하나의 금액을 적습니다.", "R&D programmes are usually run one project at a time (concurrent projects are limited), so the largest single project is shown instead of a sum.";
    TODAY = "이번 달", "this month";
    TIMELINE_KEY = "■ 신청 달 (칠한 칸: 확정·상시, 점선 칸: 예상·미정) · ━ 사업 기간 (점선: 기간 가정)", "■ application month (filled: confirmed or rolling, dashed: forecast or not announced) · ━ project period (dashed: length assumed)";
    TAB_STEPS_HINT = "계획에 넣은 단계입니다.", "The steps in the plan.";
    TAB_ALSO_HINT = "자격은 맞지만 계획에 넣지 않은 사업입니다 (계획 단계와 겹치지 않음).", "Eligible but left out of the plan (not in the plan steps).";
    TAB_VERIFY_HINT = "계획 밖 사업 가운데 조건 확인이 필요한 사업입니다. 계획 단계의 확인 필요는 '계획 단계'에 ?로 표시됩니다.", "Left out of the plan, with conditions to check. Plan steps to check are marked ? under 'Plan steps'.";
    TAB_NOT_HINT = "자격이 맞지 않는 사업입니다.", "Programmes the firm does not qualify for.";
    LINK_NEXT = "다음 단계", "next step";
    LINK_PREV = "이전 단계", "previous step";
    LINK_REQUIRED_BY = "이 사업이 먼저 필요한 사업", "requires this programme first";
    LINK_REQUIRES = "먼저 받아야 하는 사업", "must come first";
    LINK_BONUS_TO = "가점·우대를 받는 사업", "earns bonus points in";
    LINK_BONUS_FROM = "가점·우대를 주는 사업", "bonus points from";
    LINK_WITH = "함께 활용", "used together with";
    // Issue 17: applications, documents, where to apply.
    APPLICATION = "신청 현황", "Application";
    SELECTED_BADGE = "선정됨 (진행 중)", "Selected (running)";
    APPLICATION_HISTORY = "신청 이력", "History";
    APPLICATION_NONE = "신청 기록 없음", "no application recorded";
    ALTERNATIVES = "같은 목적의 다른 사업", "Other programmes for the same purpose";
    DOCUMENTS = "제출 서류", "Documents to submit";
    DOCUMENTS_READY = "준비됨", "ready";
    DOCUMENT_UNLISTED = "공고 목록에 없는 서류", "not in the notice's list";
    PERIOD_IF_SELECTED = "선정되면 사업 기간", "project if selected";
    STATUS_FUTURE = "아직 오지 않은 달입니다: 신청·선정·탈락은 지난 달이나 이번 달로 적어 주세요 (앞으로의 계획은 '신청 예정').", "That month has not come yet: an application, selection or rejection is this month or earlier (a future one is 'planned').";
    ASK_CLEAR_APPLICATION = "이 사업의 신청 기록을 지울까요?", "Clear this programme's application records?";
    CLEAR_CONFIRM = "기록 지우기", "Clear the records";
    CLEAR_WHY = "이력과 체크한 서류도 함께 지워집니다. 잘못 적은 상태 하나만 지우려면 '마지막 기록만 지우기'를 쓰세요. 고객을 저장하기 전이라면, 다른 고객을 열 때 '저장하지 않고 계속'을 고르면 지우기 전으로 돌아갑니다.", "The history and the ticked documents go too. To remove one mistaken status, use 'Remove the last record'. Until the client is saved, opening another client and choosing not to save brings them back.";
    DOCUMENTS_SOURCE = "서류 목록 출처", "Document list from";
    DOCUMENTS_NONE = "제출 서류: 공고에서 확인 필요", "Documents: see the notice";
    DATE_TO_VERIFY = "날짜 확인 필요", "date to verify";
    APPLY_AT = "신청하는 곳", "Apply at";
    SELECTED_RUNNING = "선정 · 사업 진행", "selected · project running";
    APPLIED_WAITING = "신청함 · 결과 대기", "applied · awaiting the result";
    STATUS_LABEL = "상태", "Status";
    RETRY = "탈락·취소 후 재신청", "retry after a rejection or withdrawal";
    STATUS_REMOVE_LAST = "마지막 기록만 지우기", "Remove the last record";
    STATUS_REMOVE_LAST_HINT = "잘못 적은 마지막 상태만 지우고 그 앞의 기록은 남깁니다.", "Removes only the last status, keeping the earlier records.";
    STATUS_MONTH = "시기", "Month";
    STATUS_NOTE = "메모", "Note";
    STATUS_SET = "상태 저장", "Set status";
    STATUS_CLEAR = "신청 기록 지우기", "Clear the record";
    APPLICATIONS_TITLE = "이 고객의 신청 현황", "This client's applications";
    APPLICATIONS_EMPTY = "아직 신청 기록이 없습니다. 계획의 단계를 눌러 상태를 적으세요.", "No applications recorded yet. Open a step of the plan to set its status.";
    STATUS_MONTH_BAD = "월은 YYYY-MM 형식으로 적어 주세요 (예: 2026-06).", "Write the month as YYYY-MM (e.g. 2026-06).";
    STATUS_CLEAR_HINT = "이 사업의 신청 기록(이력 포함)을 모두 지웁니다. 저장 전이라면 저장하지 않고 닫아 되돌릴 수 있습니다.", "Removes every record of this programme, history included. Until saved, closing without saving brings it back.";
    DOCUMENTS_TICK_HINT = "서류를 체크하면 이 사업이 '신청 예정'으로 기록됩니다.", "Ticking a document records the programme as planned.";
    TAB_APPLICATIONS = "신청 현황", "Applications";
    TAB_APPLICATIONS_HINT = "이 고객이 신청했거나 신청할 사업과 그 상태 (계획에 없는 사업도 포함)", "What this client applied to or plans to, with each status (also programmes outside the plan)";
    APPLICATIONS_NOT_IN_CATALOGUE = "카탈로그에 없는 사업", "not in the catalogue";
    LINK_EXCLUDES = "중복수혜 제한 (함께 받을 수 없음)", "not together (duplicate-support limit)";
    LAST_ANNOUNCED = "마지막 공고", "last announced";
    SOURCE_DATE = "자료 날짜", "Source dated";
    SOURCE_DETAILS = "출처 세부 (연구 메모, 영어)", "Source details (research notes)";
    CONFIRM_AT_NOTICE = "신청 전에 기업마당(bizinfo.go.kr)의 공식 공고에서 조건과 일정을 확인하세요.", "Before applying, confirm the conditions and dates in the official notice on bizinfo.go.kr.";
    COL_SOURCE_DATE = "최근 공고 · 자료 점검", "Latest call · checked";
    WINDOW_YEARLESS = "지난 공고의 신청 달입니다. 올해 일정은 공고에서 확인하세요.", "Months of the last call; check this year's dates in the notice.";

    NEWS = "새 소식", "News";
    NEWS_NONE = "가져온 공고 가운데 고객에게 새로 맞는 사업이나 곧 열리거나 마감되는 공고는 없습니다.", "None of the imported notices brings a client a new programme or a call opening or closing soon.";
    NEWS_OPEN = "열기", "Open";
    NEWS_DETAILS = "무엇이 바뀌었나", "What changed";
    NEWS_NEW = "새 사업", "new programmes";
    NEWS_OPENING = "곧 열림", "opening soon";
    NEWS_CLOSING = "곧 마감", "closing soon";
    NEWS_CHANGED = "바뀐 금액·조건", "changed amounts or rules";
    NEWS_BADGE = "새 소식", "news";
    NEWS_BADGE_WHY = "이번에 가져온 공고로 이 고객에게 바뀐 것이 있습니다. 위의 '새 소식'을 보세요.", "The notices imported in this session change something for this client; see News above.";
    // ---- The exports: report, calendar, diagrams, comparison ----
    // export/mod.rs
    /// Shown when the plan carries no notice of its own.
    NOTICE_FALLBACK = "금액·일정·요건은 공개 자료에 따른 것이며 해마다 바뀝니다. 신청 전에 반드시 공식 공고(기업마당, 중기부·산업부, 수행기관 누리집)에서 확인하세요.", "Amounts, dates and conditions come from public sources and change every year: always confirm them in the official notice (bizinfo, MSS, MOTIE or the agency's site) before applying.";
    // export/diff.rs
    SAME = "두 계획은 같습니다: 바뀐 것이 없습니다.", "The two plans are the same: nothing changed.";
    MONTH = "기준월", "Plan month";
    CATALOGUE = "카탈로그", "Catalogue";
    PROFILE = "기업 정보", "Profile";
    PROFILE_OTHER = "기업 정보가 다릅니다", "The profiles differ";
    ADDED = "추가", "Added";
    REMOVED = "빠짐", "Removed";
    MOVED = "순서 변경", "Moved";
    DATES = "일정 변경", "Dates";
    ELIG = "자격 변경", "Eligibility";
    SUPPORT = "지원 변경", "Support";
    TOTALS = "합계", "Totals";
    GRANTS_MET = "보조금·바우처 (조건 충족 단계) 최대", "grants and vouchers (steps whose conditions are met) up to";
    LOANS = "융자·보증 한도", "loan and guarantee limits";
    START = "시작", "start";
    END = "종료", "end";
    WINDOW = "일정", "window";
    DIFF_ASSUMED = "기간 가정", "duration assumed";
    DIFF_YES = "예", "yes";
    DIFF_NO = "아니요", "no";
    BEFORE_WAS = "이전 계획에서는", "in the earlier plan";
    NOW_IS = "이제", "now";
    ALSO = "추가 가능 목록", "also eligible";
    NOT_ELIGIBLE = "자격 미달", "not eligible";
    RECEIVED = "이미 받음", "already received";
    ABSENT = "카탈로그에 없음", "not in the catalogue";
    DIFF_NONE = "없음", "none";
    KIND = "종류", "kind";
    // export/ics.rs
    FORECAST = "[예상]", "[forecast]";
    TO_VERIFY = "[확인 필요]", "[to verify]";
    ROLLING = "[상시]", "[rolling]";
    CALENDAR_NAME = "같이 지원사업 일정", "Gachi support plan";
    FIRM = "기업", "Firm";
    STEP = "단계", "Step";
    ICS_SUPPORT = "지원", "Support";
    PERIOD = "사업 기간", "project";
    ELIGIBILITY = "자격", "Eligibility";
    ELIGIBLE = "조건 충족", "eligible";
    ICS_CLOSE_UNKNOWN = "마감일 미확인", "closing date not found";
    CALL_DAYS = "공고 접수", "call open";
    UNDATED = "신청 시기를 모르는 단계는 일정에 넣지 않았습니다. 공고를 확인하세요", "Steps with no known application window are not in this calendar; check their notices";
    // export/report.rs
    TITLE = "지원사업 경로 계획서", "Support pathway plan";
    BRAND = "같이(Gachi)", "Gachi (같이)";
    REPORT_FIRM = "기업 개요", "Firm";
    FIRM_NAME = "기업명", "Name";
    SIZE_WHY = "규모 판단", "Size basis";
    SIZE_CANDIDATES = "가능한 규모", "could be";
    REGION = "지역", "Region";
    KSIC = "업종 (KSIC)", "Industry (KSIC)";
    EMPLOYEES = "상시근로자", "Employees";
    EMPLOYEES_UNIT = "명", " people";
    REVENUE = "매출액", "Sales";
    FOUNDED = "설립", "Founded";
    GOALS = "목표", "Goals";
    GOALS_ALL = "모든 분야", "every kind of support";
    UNKNOWN = "모름", "unknown";
    NOTICE_HEAD = "신청 전에 공식 공고에서 확인하세요", "Confirm at the official notice";
    T_GRANT = "보조금·바우처·R&D 최대 (갚지 않는 돈)", "grants, vouchers, R&D at most (not repaid)";
    T_GRANT_NO_RND = "보조금·바우처 최대 (갚지 않는 돈, R&D 제외)", "grants and vouchers at most (not repaid, R&D apart)";
    T_IF_VERIFIED = "조건 충족 단계만 · 확인 필요 단계까지 최대", "steps whose conditions are met only · with the steps to verify, up to";
    T_SOURCE_UNSURE = "금액 출처 확인 필요 (공식 공고가 아닌 자료)", "amount's source to verify (not an official notice)";
    T_RND_TO_VERIFY = "그 과제의 조건 확인 필요", "that project's conditions to verify";
    T_RND = "R&D 과제 최대 (가장 큰 과제 하나: R&D는 보통 한 번에 한 과제씩 수행하므로 더하지 않음)", "R&D project at most (the largest one: R&D projects are usually run one at a time, so not added up)";
    T_LOAN = "융자·보증 한도 (갚는 돈)", "loan and guarantee limits (repaid)";
    REPORT_GOALS_WITHOUT_STEP_WHY = "지역·업종·준비 단계가 맞지 않는 사업을 억지로 넣지 않았습니다. 아래 '그 밖에 신청할 수 있는 사업'에서 이유를 볼 수 있습니다.", "Programmes that do not suit the firm's region, industry or readiness were not forced in; see 'Also eligible' below for the reasons.";
    T_NO_FIGURE = "금액 출처 없는 단계", "steps without a sourced amount";
    FRESHNESS = "자료", "Data";
    PATHWAY = "지원 경로", "Pathway";
    PATHWAY_NOTE = "위에서 아래로 신청 시기 순서입니다. 화살표는 계획 안의 사업끼리의 연계입니다.", "Top to bottom by when to apply. Arrows are links between programmes of the plan.";
    REPORT_LEGEND_OTHER = "기타 기관", "other bodies";
    REPORT_LEGEND_CROSS = "★ 부처 연계", "★ cross-ministry link";
    LEGEND_DASHED_BOX = "점선 상자: 자격 확인 필요", "dashed box: eligibility to verify";
    LEGEND_COMPLEMENT = "점선 연결: 함께 활용", "dashed link: complement";
    LEGEND_APPLY = "신청월", "application month";
    LEGEND_PERIOD = "사업 기간", "project period";
    LEGEND_UNSURE = "흐린 점선 칸: 예상 또는 확인 필요 일정", "faded dashed cell: forecast or to-verify window";
    LEGEND_ASSUMED = "점선 막대: 기간은 가정", "dashed bar: duration assumed";
    STEPS = "단계별 내용", "Steps";
    NO_STEPS = "지금 조건으로는 추천할 단계가 없습니다. 아래 '그 밖에 신청할 수 있는 사업'을 보세요.", "No step to recommend with these answers; see 'Also eligible' below.";
    VERIFY = "자격 확인 필요", "eligibility to verify";
    SCHEDULE = "일정", "Schedule";
    APPLY_IN = "신청", "apply";
    NOT_IN_PLAN = "계획 밖", "not in this plan";
    NOT_WEB = "(http(s) 주소가 아님)", "(not an http(s) address)";
    NO_SOURCE = "출처 없음", "no source";
    REPORT_CONFIDENCE = "신뢰도", "confidence";
    REPORT_ALSO = "그 밖에 신청할 수 있는 사업", "Also eligible";
    ALSO_NONE = "없습니다.", "None.";
    REPORT_NOT_ELIGIBLE = "자격이 맞지 않는 사업", "Not eligible";
    NOT_ELIGIBLE_COUNT = "개 사업은 조건 중 하나 이상을 충족하지 못해 계획에서 뺐습니다.", "programmes were left out because at least one condition fails.";
    REPORT_RECEIVED = "이미 받은 사업", "Already received";
    GENERATED = "생성", "made by";
    UNNAMED = "(이름 없는 사업)", "(unnamed programme)";
    // export/svg.rs
    SVG_AS_OF = "기준월", "plan month";
    SVG_NO_STEPS = "계획에 단계가 없습니다.", "The plan has no steps.";
    PATHWAY_TITLE = "지원 경로", "Support pathway";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for s in EVERY {
            assert!(!s.ko.trim().is_empty() && !s.en.trim().is_empty(), "{s:?}");
        }
        // Korean strings are Korean: each has Hangul unless it is a symbol or a name.
        let hangul = |t: &str| t.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let untranslated: Vec<&S> = EVERY
            .iter()
            .filter(|s| s.ko == s.en && hangul(s.ko))
            .collect();
        assert!(
            untranslated.is_empty(),
            "Korean left in English: {untranslated:?}"
        );
    }
}
