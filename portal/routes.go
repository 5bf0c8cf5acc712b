package portal

import "github.com/gofiber/fiber/v2"

// routes lists every route. Officer routes are wrapped in h.officer or
// h.admin; every unsafe method passes the CSRF check first. Fiber runs
// handlers in the order they are added, so the assets above the session
// lookup never touch the database. Handlers and templates link to these
// routes through the named paths in paths.go, never by concatenation.
func (h *handler) routes(app *fiber.App) {
	app.Get("/healthz", h.healthz)
	app.Get("/static/*", h.staticFile)
	app.Get("/robots.txt", robots)
	app.Get("/favicon.ico", h.favicon)
	app.Use(trailingSlash)
	app.Use(h.loadUser)
	app.Use(h.checkCSRF)

	// Public pages, cached for visitors without a session. The list says
	// which query parameters a page reads; it sees no others.
	app.Get("/", h.cached(nil, h.home))
	app.Get("/cong-khai", h.cached(listParams, h.disclosureIndex))
	app.Get("/cong-khai/xuat.:format", h.disclosureExport)
	app.Get("/cong-khai/:slug/xuat.:format", h.disclosureExport)
	app.Get("/cong-khai/:id<int>", h.cached(nil, h.disclosureShow))
	app.Get("/cong-khai/:slug", h.cached(listParams, h.disclosureCategory))
	app.Get("/cong-khai/:id<int>/lich-su", h.cached(nil, h.disclosureVersions))
	app.Get("/cong-khai/:id<int>/phien-ban/:n<int>", h.cached(nil, h.disclosureVersion))
	app.Get("/tep/:id<int>/:name?", h.attachmentDownload)
	app.Get("/cong-khai/:id<int>/y-kien", h.cached([]string{paramOlder}, h.commentIndex))
	app.Get("/cong-khai/:id<int>/gop-y", h.commentForm) // a form: never cached
	app.Post("/cong-khai/:id<int>/gop-y", h.commentSubmit)

	// Poor and near-poor household lists: the overview and the counts
	// (never names) as CSV or JSON.
	app.Get(householdsPath, h.cached(listParams, h.householdsIndex))
	app.Get(householdsPath+"/xuat.:format", h.cached(nil, h.householdsExport))
	app.Get(householdsPath+"/:id<int>/xuat.:format", h.cached(nil, h.householdsExport))
	// Budget documents: the overview and an item's lines as data.
	app.Get(budgetPath, h.cached(nil, h.budgetOverview))
	app.Get("/cong-khai/:id<int>/ngan-sach.:format", h.budgetExport)
	// Land-use plans, compensation plans and procedures (rows 3d, 6, 9a).
	app.Get(landOverviewPath, h.cached(nil, h.landOverview))
	app.Get("/cong-khai/:id<int>/cau-hoi", h.cached(listParams, h.planQuestions))
	app.Get(proceduresPath, h.cached([]string{filterField}, h.procedureCatalogue))
	app.Get(proceduresPath+"/xuat.:format", h.procedureExport)

	// The plan's scorecard: pages, exports and the report sent upward.
	app.Get(scorecardPath, h.cached([]string{paramYear}, h.scorecardIndex))
	app.Get(scorecardPath+".:format", h.cached([]string{paramYear}, h.scorecardExport))
	app.Get(scorecardReportPath, h.cached([]string{paramPeriod}, h.scorecardReport))
	app.Get(scorecardReportPath+".xlsx", h.cached([]string{paramPeriod}, h.scorecardXLSX))
	app.Get(scorecardPath+"/:n<int>", h.cached([]string{paramYear}, h.scorecardRow))
	app.Get(scorecardPath+"/:sub/:slug", h.cached([]string{paramYear}, h.scorecardIndicator))

	// Residents' questions and the asker's private pages: never cached, and
	// the tracking code is never in their URLs (see question_track.go).
	app.Get(askPath, h.askForm)
	app.Post(askPath, h.askSubmit)
	app.Get(trackPath, h.lookupForm)
	app.Post(trackPath, h.lookupSubmit)
	app.Get(receiptPath, h.receipt)
	app.Get(askerPath, h.asker)
	app.Post(askerPath+"/:action", h.askerAct)
	app.Post(trackExitPath, h.trackExit)

	// Questions and answers, the public side.
	app.Get(questionsPath, h.cached(questionListParams, h.questionIndex))
	app.Get(questionsPath+"/xuat.:format", h.questionExport)
	app.Get(questionsPath+"/:id<int>", h.cached(nil, h.questionShowPublic))
	app.Get(overduePath, h.cached(nil, h.questionOverdue))
	app.Get(rulesPath, h.cached(nil, h.disclosureRules))
	app.Get(protectedPath, h.cached(nil, h.questionProtected))
	app.Get(responseStatsPath, h.cached(responseStatsParams, h.responseStats))

	// Citizen reception schedule and the directory (rows 4a, 4b).
	app.Get(receptionPath, h.cached(nil, h.receptionIndex))
	app.Get(receptionICSPath, h.receptionICS)
	app.Get(receptionPath+"/xuat.:format", h.cached(nil, h.receptionExport))
	app.Get(contactsPath, h.cached([]string{"thon"}, h.contactsIndex))
	app.Get(contactsPath+"/:key.vcf", h.cached(nil, h.contactCard))
	app.Get(contactsPath+"/xuat.:format", h.cached(nil, h.contactsExport))

	// Feeds.
	app.Get("/feed.:format", h.feed)
	app.Get("/cong-khai/:slug/feed.:format", h.feed)
	app.Get(questionsPath+"/feed.:format", h.questionsFeed)
	app.Get(questionsPath+"/chu-de/:topic/feed.:format", h.questionsFeed)
	app.Get(questionsPath+"/:id<int>/feed.atom", h.questionFeed)
	app.Get(overduePath+"/feed.:format", h.overdueFeed)

	// Officers.
	app.Get("/can-bo/dang-nhap", h.loginForm)
	app.Post("/can-bo/dang-nhap", h.loginSubmit)
	app.Post("/can-bo/dang-xuat", h.officer(h.logout))
	app.Get("/can-bo/mat-khau", h.officer(h.passwordForm))
	app.Post("/can-bo/mat-khau", h.officer(h.passwordChange))
	app.Get("/can-bo", h.officer(h.officerHome))
	app.Get("/can-bo/cong-khai/moi", h.officer(h.disclosureNew))
	app.Post("/can-bo/cong-khai", h.officer(h.disclosureCreate))
	app.Get("/can-bo/cong-khai/:id<int>", h.officer(h.disclosureEdit))
	app.Post("/can-bo/cong-khai/:id<int>", h.officer(h.disclosureUpdate))
	app.Get("/can-bo/cong-khai/:id<int>/xem-truoc", h.officer(h.disclosurePreview))
	app.Post("/can-bo/cong-khai/:id<int>/cong-bo", h.officer(h.disclosurePublish))
	app.Get("/can-bo/cong-khai/:id<int>/rut", h.officer(h.disclosureWithdrawForm))
	app.Post("/can-bo/cong-khai/:id<int>/rut", h.officer(h.disclosureWithdraw))
	app.Get("/can-bo/cong-khai/:id<int>/xoa", h.officer(h.disclosureDeleteForm))
	app.Post("/can-bo/cong-khai/:id<int>/xoa", h.officer(h.disclosureDelete))
	app.Get("/can-bo/cong-khai/:id<int>/y-kien", h.officer(h.commentModeration))
	app.Post("/can-bo/cong-khai/:id<int>/y-kien/thoi-han", h.officer(h.commentWindowSave))
	app.Post("/can-bo/cong-khai/:id<int>/y-kien/cong-bo", h.officer(h.synthesisPublish))
	app.Post("/can-bo/cong-khai/:id<int>/y-kien/:cid<int>/duyet", h.officer(h.commentModerate))
	app.Post("/can-bo/cong-khai/:id<int>/y-kien/:cid<int>/tiep-thu", h.officer(h.commentDecide))
	app.Get("/can-bo/ho-ngheo/mau.:format", h.officer(h.householdsTemplate))
	app.Get("/can-bo/cong-khai/:id<int>/ho-ngheo", h.officer(h.householdsEdit))
	app.Post("/can-bo/cong-khai/:id<int>/ho-ngheo/thong-tin", h.officer(h.householdsFactsSave))
	app.Post("/can-bo/cong-khai/:id<int>/ho-ngheo/nhap", h.officer(h.householdsImport))
	app.Post("/can-bo/cong-khai/:id<int>/ho-ngheo/dong", h.officer(h.householdRowAdd))
	app.Get("/can-bo/cong-khai/:id<int>/ho-ngheo/dong/:key", h.officer(h.householdRowEdit))
	app.Post("/can-bo/cong-khai/:id<int>/ho-ngheo/dong/:key", h.officer(h.householdRowSave))
	app.Post("/can-bo/cong-khai/:id<int>/ho-ngheo/dong/:key/xoa", h.officer(h.householdRowDelete))
	app.Get("/can-bo/cong-khai/:id<int>/ngan-sach", h.officer(h.budgetEdit))
	app.Post("/can-bo/cong-khai/:id<int>/ngan-sach", h.officer(h.budgetSave))
	app.Get("/can-bo/ngan-sach/mau.:format", h.officer(h.budgetTemplate))
	app.Get("/can-bo/cong-khai/:id<int>/lich", h.officer(h.scheduleEdit))
	app.Post("/can-bo/cong-khai/:id<int>/lich/buoi", h.officer(h.scheduleSaveSlot))
	app.Post("/can-bo/cong-khai/:id<int>/lich/buoi/xoa", h.officer(h.scheduleDeleteSlot))
	app.Post("/can-bo/cong-khai/:id<int>/lich/thay-doi", h.officer(h.scheduleAddChange))
	app.Post("/can-bo/cong-khai/:id<int>/lich/thay-doi/xoa", h.officer(h.scheduleDeleteChange))
	app.Get("/can-bo/cong-khai/:id<int>/danh-ba", h.officer(h.contactsEdit))
	app.Post("/can-bo/cong-khai/:id<int>/danh-ba", h.officer(h.contactsSave))
	app.Post("/can-bo/cong-khai/:id<int>/danh-ba/xoa", h.officer(h.contactsDelete))
	app.Get("/can-bo/cong-khai/:id<int>/quy-hoach", h.officer(h.planFactsForm))
	app.Post("/can-bo/cong-khai/:id<int>/quy-hoach", h.officer(h.planFactsSave))
	app.Get("/can-bo/cong-khai/:id<int>/boi-thuong", h.officer(h.compensationFactsForm))
	app.Post("/can-bo/cong-khai/:id<int>/boi-thuong", h.officer(h.compensationFactsSave))
	app.Get("/can-bo/cong-khai/:id<int>/thu-tuc", h.officer(h.procedureFactsForm))
	app.Post("/can-bo/cong-khai/:id<int>/thu-tuc", h.officer(h.procedureFactsSave))
	app.Get(officerQuestionsPath, h.officer(h.questionInbox))
	app.Get(officerRecordPath, h.officer(h.questionRecordForm))
	app.Post(officerRecordPath, h.officer(h.questionRecord))
	app.Get(officerQuestionsPath+"/:id<int>", h.officer(h.questionShow))
	app.Post(officerQuestionsPath+"/:id<int>/"+actionRedact, h.admin(h.questionRedact))
	app.Post(officerQuestionsPath+"/:id<int>/:action", h.officer(h.questionAct))
	app.Get(replyTemplatesPath, h.officer(h.replyTemplates))
	app.Post(replyTemplatesPath, h.officer(h.replyTemplateSave))
	app.Get(replyTemplatesPath+"/:id<int>", h.officer(h.replyTemplateEdit))
	app.Post(replyTemplatesPath+"/:id<int>", h.officer(h.replyTemplateSave))
	app.Post(replyTemplatesPath+"/:id<int>/xoa", h.officer(h.replyTemplateDelete))
	// The plan's indicators: values, links, reminders, each sub-component's
	// form; the next year's plan is copied by administrators.
	app.Get(officerIndicatorsPath, h.officer(h.indicatorIndex))
	app.Post(officerPlanCopyPath, h.admin(h.planCopy))
	app.Get(officerIndicatorsPath+"/:sub/:slug", h.officer(h.indicatorShow))
	app.Post(officerIndicatorsPath+"/:sub/:slug", h.officer(h.indicatorValueSave))
	app.Post(officerIndicatorsPath+"/:sub/:slug/lien-ket", h.officer(h.indicatorLink))
	app.Get(officerIndicatorsPath+"/:sub/:slug/bo-lien-ket", h.officer(h.indicatorUnlinkForm))
	app.Post(officerIndicatorsPath+"/:sub/:slug/bo-lien-ket", h.officer(h.indicatorUnlink))
	app.Get("/can-bo/cong-khai/:id<int>/ke-hoach/:sub", h.officer(h.planSubEdit))
	app.Post("/can-bo/cong-khai/:id<int>/ke-hoach/:sub", h.officer(h.planSubSave))

	// Administrators.
	app.Get("/can-bo/tai-khoan", h.admin(h.userIndex))
	app.Post("/can-bo/tai-khoan", h.admin(h.userCreate))
	app.Get("/can-bo/tai-khoan/:id<int>", h.admin(h.userEdit))
	app.Post("/can-bo/tai-khoan/:id<int>/mat-khau", h.admin(h.userSetPassword))
	app.Post("/can-bo/tai-khoan/:id<int>/khoa", h.admin(h.userSetActive))
	app.Get("/can-bo/nhat-ky", h.admin(h.auditIndex))
	app.Get("/can-bo/cai-dat", h.admin(h.settingsEdit))
	app.Post("/can-bo/cai-dat", h.admin(h.settingsSave))
	app.Get(placesPath, h.admin(h.placesIndex))
	app.Post(placesPath, h.admin(h.placeAdd(false)))
	app.Post(villagesPath, h.admin(h.placeAdd(true)))
	app.Post(placesPath+"/:id<int>/doi-ten", h.admin(h.placeRename(false)))
	app.Post(placesPath+"/:id<int>/ngung", h.admin(h.placeRetire(false)))
	app.Post(villagesPath+"/:id<int>/doi-ten", h.admin(h.placeRename(true)))
	app.Post(villagesPath+"/:id<int>/ngung", h.admin(h.placeRetire(true)))
	app.Get(holidaysPath, h.admin(h.holidaysIndex))
	app.Post(holidaysPath, h.admin(h.holidaySave))
	app.Post(holidaysActionPath("xoa"), h.admin(h.holidayDelete))
	app.Post(holidaysActionPath("xac-nhan"), h.admin(h.holidayConfirm))
	app.Get(officerRulesPath, h.admin(h.officerDisclosureRules))
	app.Post(officerRulesPath, h.admin(h.disclosureRuleSave))
	app.Get(questionLimitsPath, h.admin(h.questionLimits))
	app.Post(questionLimitsPath, h.admin(h.questionLimitSave))
	app.Post(questionLimitResetPath, h.admin(h.questionLimitReset))
	app.Get("/can-bo/cong-khai/:id<int>/che", h.admin(h.disclosureRedactForm))
	app.Post("/can-bo/cong-khai/:id<int>/che", h.admin(h.disclosureRedact))
}
