package portal

import (
	"net/url"
	"strconv"

	"minhbach/store"
)

// Named paths: every URL a handler redirects to or a template links to is
// spelled here once, next to the patterns in routes.go that serve it.
// Templates call the same functions (see templateFuncs).
const (
	publicItemsPath  = "/cong-khai"
	officerHomePath  = "/can-bo"
	officerItemsPath = "/can-bo/cong-khai"
	usersPath        = "/can-bo/tai-khoan"
	holidaysPath     = "/can-bo/ngay-nghi"
	auditPath        = "/can-bo/nhat-ky"
	filesPath        = "/tep/"

	// Questions and feedback.
	questionsPath        = "/hoi-dap"
	askPath              = "/hoi-dap/gui"
	trackPath            = "/tra-cuu"
	overduePath          = "/hoi-dap/qua-han"
	protectedPath        = "/hoi-dap/khieu-nai-to-cao"
	responseStatsPath    = "/chi-so/hoi-dap" // response statistics per unit and topic
	officerQuestionsPath = "/can-bo/hoi-dap"
	replyTemplatesPath   = "/can-bo/mau-tra-loi"
	questionLimitsPath   = "/can-bo/thoi-han"
)

// The asker's pages. None carries the tracking code: it travels in a form
// or a signed cookie (see question_track.go), never in a URL.
const (
	receiptPath   = trackPath + "/bien-nhan" // the receipt after sending
	askerPath     = trackPath + "/theo-doi"  // the asker's private page
	trackExitPath = trackPath + "/thoat"     // forget the code on this device
)

// askerActionPath is where a form of the asker's page posts: one of the
// askerAct* segments.
func askerActionPath(action string) string { return askerPath + "/" + action }

// Officer actions on an item: the last path segment of
// /can-bo/cong-khai/:id/<action>.
const (
	actionPreview  = "xem-truoc"
	actionPublish  = "cong-bo"
	actionWithdraw = "rut"
	actionDelete   = "xoa"
	actionRedact   = "che"
)

// itemPath is an item's public page.
func itemPath(id int64) string { return publicItemsPath + "/" + itoa(id) }

// itemHistoryPath lists an item's public versions.
func itemHistoryPath(id int64) string { return itemPath(id) + "/lich-su" }

// itemVersionPath is one public version of an item.
func itemVersionPath(id int64, n int) string {
	return itemPath(id) + "/phien-ban/" + strconv.Itoa(n)
}

// categoryPath lists a category's public items.
func categoryPath(slug string) string { return publicItemsPath + "/" + slug }

// feedPath is the site's feed, or a category's when slug is not "", in
// format rss, atom or json.
func feedPath(slug, format string) string {
	if slug == "" {
		return "/feed." + format
	}
	return categoryPath(slug) + "/feed." + format
}

// exportPath is the export of every public item, or of a category's when
// slug is not "", in format csv or json.
func exportPath(slug, format string) string {
	if slug == "" {
		return publicItemsPath + "/xuat." + format
	}
	return categoryPath(slug) + "/xuat." + format
}

// officerItemPath is the edit form of an item's working copy.
func officerItemPath(id int64) string { return officerItemsPath + "/" + itoa(id) }

// officerItemActionPath is one of the action* pages of an item.
func officerItemActionPath(id int64, action string) string {
	return officerItemPath(id) + "/" + action
}

// userPath is an account's page; userActionPath one of its forms.
func userPath(id int64) string { return usersPath + "/" + itoa(id) }

func userActionPath(id int64, action string) string { return userPath(id) + "/" + action }

// holidaysActionPath is one of the forms of the holidays page: "xoa"
// (delete a date) or "xac-nhan" (confirm a year).
func holidaysActionPath(action string) string { return holidaysPath + "/" + action }

// questionPath is a published question's public page.
func questionPath(id int64) string { return questionsPath + "/" + itoa(id) }

// questionFeedPath is one question's Atom feed: a neighbour follows it
// without the tracking code.
func questionFeedPath(id int64) string { return questionPath(id) + "/feed.atom" }

// questionsFeedPath is the feed of answered questions, or of a topic's
// when topic is not "", in format rss, atom or json.
func questionsFeedPath(topic, format string) string {
	if topic == "" {
		return questionsPath + "/feed." + format
	}
	return questionsPath + "/chu-de/" + topic + "/feed." + format
}

// questionsExportPath is the export of published questions, csv or json.
func questionsExportPath(format string) string { return questionsPath + "/xuat." + format }

// officerQuestionPath is an item's page in the officers' inbox.
func officerQuestionPath(id int64) string { return officerQuestionsPath + "/" + itoa(id) }

// officerQuestionActionPath is where the form of one action on an item
// posts: the action's name (store.Act*) as the last segment.
func officerQuestionActionPath(id int64, action string) string {
	return officerQuestionPath(id) + "/" + action
}

// Comments on a draft open for comment (store.CommentCategory).

// commentFormPath is the form a resident comments with.
func commentFormPath(id int64) string { return itemPath(id) + "/gop-y" }

// commentsPath lists an item's public comments (and the synthesis).
func commentsPath(id int64) string { return itemPath(id) + "/y-kien" }

// officerCommentsPath is the officers' moderation page of an item;
// officerCommentsActionPath one of its item-wide forms ("thoi-han": the
// window, "cong-bo": publish the synthesis) and officerCommentPath a form
// on one comment ("duyet": accept or reject, "tiep-thu": the decision).
func officerCommentsPath(id int64) string { return officerItemActionPath(id, "y-kien") }

func officerCommentsActionPath(id int64, action string) string {
	return officerCommentsPath(id) + "/" + action
}

func officerCommentPath(id, commentID int64, action string) string {
	return officerCommentsPath(id) + "/" + itoa(commentID) + "/" + action
}

// Officers' pages for questions, besides the inbox and the item.
const officerRecordPath = officerQuestionsPath + "/nhap" // an item received offline

// replyTemplatePath is a reply template's edit form; replyTemplateDeletePath
// deletes it.
func replyTemplatePath(id int64) string { return replyTemplatesPath + "/" + itoa(id) }

func replyTemplateDeletePath(id int64) string { return replyTemplatePath(id) + "/xoa" }

// questionLimitResetPath returns a clock value to its default.
const questionLimitResetPath = questionLimitsPath + "/xoa"

// Units and villages (administrators).
const (
	placesPath   = "/can-bo/don-vi"
	villagesPath = "/can-bo/thon"
)

// placeActionPath is where a unit's or a village's line posts: action
// "doi-ten" (rename) or "ngung" (retire or put back).
func placeActionPath(village bool, id int64, action string) string {
	base := placesPath
	if village {
		base = villagesPath
	}
	return base + "/" + itoa(id) + "/" + action
}

// Citizen reception schedule and the commune's directory (rows 4a, 4b).
const (
	receptionPath    = "/lich-tiep-dan"
	receptionICSPath = "/lich-tiep-dan.ics"
	contactsPath     = "/danh-ba"
)

// officerSchedulePath is the officers' page of a schedule item's slots
// and changes.
func officerSchedulePath(id int64) string { return officerItemsPath + "/" + itoa(id) + "/lich" }

// officerContactsPath is the officers' page of a directory item's people.
func officerContactsPath(id int64) string { return officerItemsPath + "/" + itoa(id) + "/danh-ba" }

// contactCardPath is one person's vCard.
func contactCardPath(key string) string { return contactsPath + "/" + key + ".vcf" }

// Land-use plans, compensation plans and procedures (plan rows 3d, 6, 9a).
const (
	landOverviewPath = "/quy-hoach"
	proceduresPath   = "/thu-tuc"
)

// askAboutPath is the question form with a compensation plan chosen.
func askAboutPath(id int64) string { return askPath + "?" + paramAbout + "=" + itoa(id) }

// planQuestionsPath lists the published questions about a plan.
func planQuestionsPath(id int64) string { return itemPath(id) + "/cau-hoi" }

// proceduresFieldPath is the catalogue of one field, or all when "".
func proceduresFieldPath(field string) string {
	if field == "" {
		return proceduresPath
	}
	return proceduresPath + "?" + filterField + "=" + field
}

// proceduresExportPath is the catalogue (of one field when not "") as csv
// or json.
func proceduresExportPath(format, field string) string {
	p := proceduresPath + "/xuat." + format
	if field != "" {
		p += "?" + filterField + "=" + field
	}
	return p
}

// Officers' pages of the facts of a plan, a compensation plan, a procedure.
func officerPlanFactsPath(id int64) string         { return officerItemActionPath(id, "quy-hoach") }
func officerCompensationFactsPath(id int64) string { return officerItemActionPath(id, "boi-thuong") }
func officerProcedureFactsPath(id int64) string    { return officerItemActionPath(id, "thu-tuc") }

// The legal clock of disclosures: every rule, public; administrators add
// changes on the officers' page.
const (
	rulesPath        = "/quy-dinh-cong-khai"
	officerRulesPath = "/can-bo/quy-dinh-cong-khai"
)

// overview is the page that presents a category's items as data (the
// budget by year and stage, the household lists…); the category's list
// links to it. Each kind's file adds its entry in an init.
type overview struct{ Path, Label string }

var overviews = map[string]overview{}

func overviewOf(category string) *overview {
	if o, ok := overviews[category]; ok {
		return &o
	}
	return nil
}

// overviewLink is an overview with its category's name, for the home page.
type overviewLink struct{ Path, Name, Label string }

// overviewLinks lists the overviews in the order of the categories.
func overviewLinks() []overviewLink {
	var out []overviewLink
	for _, c := range store.Categories {
		if o, ok := overviews[c.Slug]; ok {
			out = append(out, overviewLink{o.Path, c.Label, o.Label})
		}
	}
	return out
}

// Budget documents (ngan-sach): the overview, an item's lines as CSV or
// JSON, and the officers' page of an item's lines.
const budgetPath = "/ngan-sach"

func budgetExportPath(id int64, format string) string { return itemPath(id) + "/ngan-sach." + format }

func officerBudgetPath(id int64) string { return officerItemActionPath(id, "ngan-sach") }

// budgetTemplatePath is the empty sheet officers fill in: xlsx or csv.
func budgetTemplatePath(format string) string { return "/can-bo/ngan-sach/mau." + format }

// Poor and near-poor household lists (row 3b): the overview, its export
// of counts (never names), and the officers' pages of one list.
const householdsPath = "/ho-ngheo"

// householdsExportPath is the counts of every public list, or of one list
// when id is not 0, in format csv or json.
func householdsExportPath(id int64, format string) string {
	if id == 0 {
		return householdsPath + "/xuat." + format
	}
	return householdsPath + "/" + itoa(id) + "/xuat." + format
}

// householdsOfficerPath is the officers' page of a list's facts and rows;
// householdsOfficerActionPath one of its forms ("thong-tin": the facts,
// "nhap": an import, "dong": a new row).
func householdsOfficerPath(id int64) string { return officerItemActionPath(id, "ho-ngheo") }

func householdsOfficerActionPath(id int64, action string) string {
	return householdsOfficerPath(id) + "/" + action
}

// householdRowPath is the form of one row; householdRowDeletePath removes it.
func householdRowPath(id int64, key string) string {
	return householdsOfficerPath(id) + "/dong/" + url.PathEscape(key)
}

func householdRowDeletePath(id int64, key string) string { return householdRowPath(id, key) + "/xoa" }

// householdsTemplatePath is the file officers fill in, xlsx or csv.
func householdsTemplatePath(format string) string { return "/can-bo/ho-ngheo/mau." + format }
