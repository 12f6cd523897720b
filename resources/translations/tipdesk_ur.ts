<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>AccusedForm</name>
    <message>
        <source>The accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>&amp;Father&apos;s name</source>
        <translation>ولدیت</translation>
    </message>
    <message>
        <source>&amp;CNIC</source>
        <translation>‏CNIC</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>&amp;Age (years)</source>
        <translation>عمر (سال)</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>قومیت</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>Arr&amp;est</source>
        <translation>گرفتاری</translation>
    </message>
    <message>
        <source>Proceedings and outcome</source>
        <translation>کارروائی اور نتیجہ</translation>
    </message>
    <message>
        <source>&amp;Section charged</source>
        <translation>عائد کردہ دفعہ</translation>
    </message>
    <message>
        <source>e.g. 3(2)</source>
        <translation>مثلاً 3(2)</translation>
    </message>
    <message>
        <source>&amp;Proceeded against (challan) on</source>
        <translation>چالان کی تاریخ</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>&amp;Judgment date</source>
        <translation>تاریخِ فیصلہ</translation>
    </message>
    <message>
        <source>Co&amp;urt</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>&amp;Imprisonment (months)</source>
        <translation>قید (ماہ)</translation>
    </message>
    <message>
        <source>months</source>
        <translation>ماہ</translation>
    </message>
    <message>
        <source>Fine (P&amp;KR)</source>
        <translation>جرمانہ (روپے)</translation>
    </message>
    <message>
        <source>rupees</source>
        <translation>روپے</translation>
    </message>
    <message>
        <source>Appea&amp;l</source>
        <translation>اپیل</translation>
    </message>
</context>
<context>
    <name>AddHearingDialog</name>
    <message>
        <source>Add a hearing</source>
        <translation>پیشی شامل کریں</translation>
    </message>
    <message>
        <source>A court date of a case</source>
        <translation>کسی مقدمے کی عدالتی تاریخ</translation>
    </message>
    <message>
        <source>When the court gives the next date, record it with what happened (Ctrl+D in the diary): the next hearing is added for you.</source>
        <translation>جب عدالت اگلی تاریخ دے تو اسے کارروائی کے ساتھ درج کریں (ڈائری میں Ctrl+D): اگلی پیشی خود بخود شامل ہو جائے گی۔</translation>
    </message>
    <message>
        <source>e.g. FIR 101/2025</source>
        <translation>مثلاً FIR 101/2025</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>مقدمہ نمبر</translation>
    </message>
    <message>
        <source>The whole case</source>
        <translation>پورا مقدمہ</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>e.g. Sessions Court (TIP), Lahore</source>
        <translation>مثلاً سیشن کورٹ (TIP)، لاہور</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>No case has this number.</source>
        <translation>اس نمبر کا کوئی مقدمہ نہیں۔</translation>
    </message>
    <message>
        <source>Case {number}, {n} accused</source>
        <translation>مقدمہ {number}، {n} ملزم</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>صارف شامل کریں</translation>
    </message>
    <message>
        <source>The new user signs in with their own name and passphrase. Tell them the passphrase in person; they should change it after the first sign-in.</source>
        <translation>نیا صارف اپنے نام اور پاس فریز سے سائن اِن کرے گا۔ پاس فریز انہیں بالمشافہ بتائیں؛ پہلی بار سائن اِن کے بعد وہ اسے تبدیل کر لیں۔</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
</context>
<context>
    <name>AgencyCountsField</name>
    <message>
        <source>Add an agency</source>
        <translation>ادارہ شامل کریں</translation>
    </message>
    <message>
        <source>Choose the agency</source>
        <translation>ادارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Remove this agency</source>
        <translation>یہ ادارہ ہٹائیں</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Your choice is saved. A page holds unsaved input, so the window stays as it is: the new language shows at your next sign-in, or when you choose it again after saving or discarding that input.</source>
        <translation>آپ کا انتخاب محفوظ ہو گیا ہے۔ ایک صفحے پر غیر محفوظ اندراج موجود ہے، اس لیے ونڈو جوں کی توں رہے گی: نئی زبان آپ کے اگلے سائن اِن پر، یا اس اندراج کو محفوظ یا ترک کرنے کے بعد دوبارہ منتخب کرنے پر ظاہر ہو گی۔</translation>
    </message>
    <message>
        <source>TIPDesk is already open for this data folder on this computer. Use the window that is open (it may be minimised, or locked), or close it first.</source>
        <translation>اس کمپیوٹر پر اس ڈیٹا فولڈر کے لیے TIPDesk پہلے سے کھلا ہے۔ کھلی ہوئی ونڈو استعمال کریں (وہ چھوٹی یا مقفل ہو سکتی ہے)، یا پہلے اسے بند کریں۔</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>FIR</source>
        <translation>‏FIR</translation>
    </message>
    <message>
        <source>Medical report</source>
        <translation>طبی رپورٹ</translation>
    </message>
    <message>
        <source>Age determination</source>
        <translation>تعینِ عمر</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>عدالتی حکم</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Challan</source>
        <translation>چالان</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>‏PDF دستاویز</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>‏JPEG تصویر</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>‏PNG تصویر</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>‏Word دستاویز</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>‏Excel ورک بک</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>‏PowerPoint پریزنٹیشن</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>‏OpenDocument متن</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet</source>
        <translation>‏OpenDocument اسپریڈشیٹ</translation>
    </message>
    <message>
        <source>Save the case first; then attach its papers here.</source>
        <translation>پہلے مقدمہ محفوظ کریں؛ پھر اس کے کاغذات یہاں منسلک کریں۔</translation>
    </message>
    <message>
        <source>For</source>
        <translation>برائے</translation>
    </message>
    <message>
        <source>The case, or one of its accused or victims</source>
        <translation>مقدمہ، یا اس کا کوئی ملزم یا متاثرہ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>فائلیں منسلک کریں…</translation>
    </message>
    <message>
        <source>Choose files to attach (or drop them here)</source>
        <translation>منسلک کرنے کے لیے فائلیں منتخب کریں (یا انہیں یہاں چھوڑیں)</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>نقل محفوظ کریں…</translation>
    </message>
    <message>
        <source>Send to HQ</source>
        <translation>ہیڈکوارٹر کو بھیجیں</translation>
    </message>
    <message>
        <source>Send this file to HQ with the next export</source>
        <translation>یہ فائل اگلی برآمد کے ساتھ ہیڈکوارٹر کو بھیجیں</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>ہٹائیں…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>حجم</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Accused {n}</source>
        <translation>ملزم {n}</translation>
    </message>
    <message>
        <source>Accused: {name}</source>
        <translation>ملزم: {name}</translation>
    </message>
    <message>
        <source>Victim {code}</source>
        <translation>متاثرہ {code}</translation>
    </message>
    <message>
        <source>Drop files here or use Attach files… PDF, JPEG, PNG and office documents of at most {file_mb} MB each. All files: {used} of {store_mb} MB.</source>
        <translation>فائلیں یہاں چھوڑیں یا «فائلیں منسلک کریں…» استعمال کریں۔ PDF، JPEG، PNG اور دفتری دستاویزات، ہر ایک زیادہ سے زیادہ {file_mb} MB۔ تمام فائلیں: {store_mb} MB میں سے {used}۔</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(پوشیدہ)</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>بھیج دی گئی</translation>
    </message>
    <message>
        <source>to send</source>
        <translation>بھیجنی ہے</translation>
    </message>
    <message>
        <source>{name}
{type}, added {date} by {user}</source>
        <translation>‏{name}
{type}، {date} کو {user} نے شامل کی</translation>
    </message>
    <message>
        <source>The files the district has described for this case (read only). A file stays at its district until an officer there sends it to HQ; the ones sent show here and can be saved (audited).</source>
        <translation>وہ فائلیں جن کی تفصیل ضلع نے اس مقدمے کے لیے بھیجی ہے (صرف پڑھنے کے لیے)۔ فائل اپنے ضلع میں رہتی ہے جب تک وہاں کا کوئی افسر اسے ہیڈکوارٹر کو نہ بھیجے؛ بھیجی گئی فائلیں یہاں نظر آتی ہیں اور محفوظ کی جا سکتی ہیں (آڈٹ کے ساتھ)۔</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>ابھی تک کوئی فائل نہیں۔</translation>
    </message>
    <message>
        <source>Choose a file to see it here.</source>
        <translation>فائل یہاں دیکھنے کے لیے اسے منتخب کریں۔</translation>
    </message>
    <message>
        <source>received</source>
        <translation>موصول</translation>
    </message>
    <message>
        <source>at the district</source>
        <translation>ضلع میں</translation>
    </message>
    <message>
        <source>An accused</source>
        <translation>کوئی ملزم</translation>
    </message>
    <message>
        <source>A victim</source>
        <translation>کوئی متاثرہ</translation>
    </message>
    <message>
        <source>{kind}, {type} of {size}, added {date} by {user}.</source>
        <translation>‏{kind}، {type} ({size})، {date} کو {user} نے شامل کی۔</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>نوٹ: {note}</translation>
    </message>
    <message>
        <source>This file stays at its district: HQ has its description only. An officer there can send it to HQ (Send to HQ); it comes with the next sync.</source>
        <translation>یہ فائل اپنے ضلع میں رہتی ہے: ہیڈکوارٹر کے پاس صرف اس کی تفصیل ہے۔ وہاں کا افسر اسے ہیڈکوارٹر کو بھیج سکتا ہے («ہیڈکوارٹر کو بھیجیں»)؛ یہ اگلی سنک کے ساتھ آئے گی۔</translation>
    </message>
    <message>
        <source>{type} files are not shown in TIPDesk: use Save a copy… to open it in its own program.</source>
        <translation>‏{type} فائلیں TIPDesk میں نہیں دکھائی جاتیں: اسے اس کے اپنے پروگرام میں کھولنے کے لیے «نقل محفوظ کریں…» استعمال کریں۔</translation>
    </message>
    <message>
        <source>This file belongs to a victim. Use Show… to see it (needs the reveal permission and a reason, kept in the audit log).</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے۔ اسے دیکھنے کے لیے «دکھائیں…» استعمال کریں (شناخت ظاہر کرنے کا اختیار اور وجہ درکار ہے، جو آڈٹ لاگ میں محفوظ ہوتی ہے)۔</translation>
    </message>
    <message>
        <source>This file belongs to a victim: only users who may reveal victims&apos; identities can see it.</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے: اسے صرف وہ صارفین دیکھ سکتے ہیں جنہیں متاثرین کی شناخت ظاہر کرنے کا اختیار ہے۔</translation>
    </message>
    <message>
        <source>Show a victim&apos;s file</source>
        <translation>متاثرہ کی فائل دکھائیں</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>کھولی جا رہی ہے…</translation>
    </message>
    <message>
        <source>The file could not be shown.</source>
        <translation>فائل نہیں دکھائی جا سکی۔</translation>
    </message>
    <message>
        <source>This file belongs to a victim. Why must you open it? The reason is kept in the audit log.</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے۔ آپ کو اسے کیوں کھولنا ہے؟ وجہ آڈٹ لاگ میں محفوظ رکھی جاتی ہے۔</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>فائلیں منسلک کریں</translation>
    </message>
    <message>
        <source>Documents and images ({patterns})</source>
        <translation>دستاویزات اور تصاویر ({patterns})</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>منسلک کی جا رہی ہیں…</translation>
    </message>
    <message>
        <source>Save a copy of a victim&apos;s file</source>
        <translation>متاثرہ کی فائل کی نقل محفوظ کریں</translation>
    </message>
    <message>
        <source>Choose where…</source>
        <translation>جگہ منتخب کریں…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>نقل محفوظ کریں</translation>
    </message>
    <message>
        <source>{type} (*{ext})</source>
        <translation>‏{type} (*{ext})</translation>
    </message>
    <message>
        <source>Saved a copy to {path}.</source>
        <translation>نقل {path} میں محفوظ کی گئی۔</translation>
    </message>
    <message>
        <source>Remove a file</source>
        <translation>فائل ہٹائیں</translation>
    </message>
    <message>
        <source>Remove {name}? Its content is destroyed; the list keeps that it was removed, by whom and why.</source>
        <translation>‏{name} ہٹائیں؟ اس کا مواد تلف کر دیا جائے گا؛ فہرست میں درج رہے گا کہ یہ کب، کس نے اور کیوں ہٹائی۔</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ہٹائیں</translation>
    </message>
</context>
<context>
    <name>AuditBrokenNotice</name>
    <message>
        <source>The audit log is broken</source>
        <translation>آڈٹ لاگ ٹوٹ گیا ہے</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>آڈٹ لاگ</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>تسلیم کریں…</translation>
    </message>
    <message>
        <source>{problem}. Someone may have removed entries to hide what was done on this computer. Nothing can be saved until you record the break: check the log (Verify chain), report it to your supervisor and HQ, then press Acknowledge… and say why.</source>
        <translation>‏{problem}۔ ممکن ہے کسی نے اس کمپیوٹر پر کیے گئے کام کو چھپانے کے لیے اندراجات حذف کیے ہوں۔ جب تک آپ اس ٹوٹ کو درج نہ کریں کچھ محفوظ نہیں ہو سکتا: لاگ کی جانچ کریں (سلسلے کی تصدیق)، اپنے نگران اور ہیڈکوارٹر کو اطلاع دیں، پھر «تسلیم کریں…» دبا کر وجہ لکھیں۔</translation>
    </message>
    <message>
        <source>{problem}. Saving is blocked until an administrator reviews the log and records the break: tell your administrator now. You can still read records.</source>
        <translation>‏{problem}۔ جب تک کوئی منتظم لاگ کا جائزہ لے کر اس ٹوٹ کو درج نہ کرے، محفوظ کرنا بند ہے: ابھی اپنے منتظم کو بتائیں۔ آپ ریکارڈ پڑھ سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Record the break in the audit log</source>
        <translation>آڈٹ لاگ میں ٹوٹ درج کریں</translation>
    </message>
    <message>
        <source>&lt;p&gt;TIPDesk adds an entry to the audit log saying that the log ends at entry #{last} although entry #{head} was recorded as its end, with your name and your reason. Every later check of the log (Verify chain) lists this break, so the evidence is kept.&lt;/p&gt;&lt;p&gt;Saving works again afterwards. Record the break only after you have reported it.&lt;/p&gt;</source>
        <translation>‏&lt;p&gt;TIPDesk آڈٹ لاگ میں ایک اندراج شامل کرتا ہے کہ لاگ اندراج #{last} پر ختم ہوتا ہے حالانکہ اس کا اختتام اندراج #{head} درج تھا، آپ کے نام اور وجہ کے ساتھ۔ لاگ کی ہر آئندہ جانچ (سلسلے کی تصدیق) میں یہ ٹوٹ دکھائی دے گا، یوں ثبوت محفوظ رہتا ہے۔&lt;/p&gt;&lt;p&gt;اس کے بعد محفوظ کرنا دوبارہ ممکن ہو گا۔ ٹوٹ صرف اطلاع دینے کے بعد درج کریں۔&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Record the break</source>
        <translation>ٹوٹ درج کریں</translation>
    </message>
    <message>
        <source>e.g. reported to HQ on 2 June; laptop back from repair</source>
        <translation>مثلاً 2 جون کو ہیڈکوارٹر کو اطلاع دی؛ لیپ ٹاپ مرمت سے واپس آیا</translation>
    </message>
    <message>
        <source>the audit log does not end where it was recorded to end</source>
        <translation>آڈٹ لاگ وہاں ختم نہیں ہوتا جہاں اس کا اختتام درج تھا</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عمل</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>آڈٹ لاگ</translation>
    </message>
    <message>
        <source>Every sign-in, change, reveal, backup and restore, in a tamper-evident chain.</source>
        <translation>ہر سائن اِن، تبدیلی، شناخت کا افشا، بیک اپ اور بحالی، ایک ایسے سلسلے میں جس میں ردوبدل پکڑا جاتا ہے۔</translation>
    </message>
    <message>
        <source>Your role does not include the audit log. A supervisor or an administrator can check it.</source>
        <translation>آپ کے کردار میں آڈٹ لاگ شامل نہیں۔ نگران یا منتظم اس کی جانچ کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>سلسلے کی تصدیق</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>لاگ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عمل</translation>
    </message>
    <message>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>فلٹر صاف کریں</translation>
    </message>
    <message>
        <source>HQ database</source>
        <translation>ہیڈکوارٹر ڈیٹابیس</translation>
    </message>
    <message>
        <source>Kept in HQ&apos;s PostgreSQL database: imports, record changes, conflict resolutions, handovers and reveals, from every analyst&apos;s computer.</source>
        <translation>ہیڈکوارٹر کے PostgreSQL ڈیٹابیس میں محفوظ: ہر تجزیہ کار کے کمپیوٹر سے درآمدات، ریکارڈ کی تبدیلیاں، تنازعات کے حل، حوالگیاں اور شناخت کا اظہار۔</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>یہ کمپیوٹر</translation>
    </message>
    <message>
        <source>Kept on this computer: sign-ins, users, keys and settings.</source>
        <translation>اس کمپیوٹر پر محفوظ: سائن اِن، صارفین، کلیدیں اور ترتیبات۔</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>تمام اعمال</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>تمام صارفین</translation>
    </message>
    <message>
        <source>Checking every entry of the audit log…</source>
        <translation>آڈٹ لاگ کے ہر اندراج کی جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked, none changed or removed.</source>
        <translation>آڈٹ سلسلہ درست ہے: {n} اندراجات کی جانچ ہوئی، کوئی تبدیل یا حذف نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The HQ database&apos;s audit log has been tampered with: {problem}. Report this to HQ&apos;s database administrator; change nothing in the database and keep its backups.</source>
        <translation>ہیڈکوارٹر ڈیٹابیس کے آڈٹ لاگ میں ردوبدل کیا گیا ہے: {problem}۔ ہیڈکوارٹر کے ڈیٹابیس منتظم کو اطلاع دیں؛ ڈیٹابیس میں کچھ تبدیل نہ کریں اور اس کے بیک اپ محفوظ رکھیں۔</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: {problem}. Report this to your supervisor and HQ; keep this computer as it is.</source>
        <translation>آڈٹ لاگ میں ردوبدل کیا گیا ہے: {problem}۔ اپنے نگران اور ہیڈکوارٹر کو اطلاع دیں؛ اس کمپیوٹر کو جوں کا توں رکھیں۔</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>کوئی بھی تاریخ</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Install set up</source>
        <translation>تنصیب قائم ہوئی</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>سائن اِن ہوا</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>سائن اِن ناکام</translation>
    </message>
    <message>
        <source>Sign-in refused during a wait</source>
        <translation>انتظار کے دوران سائن اِن مسترد</translation>
    </message>
    <message>
        <source>Signed in with the recovery key</source>
        <translation>ریکوری کلید سے سائن اِن ہوا</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>کھولا گیا</translation>
    </message>
    <message>
        <source>Unlocked with the recovery key</source>
        <translation>ریکوری کلید سے کھولا گیا</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>بنایا گیا</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف کیا گیا</translation>
    </message>
    <message>
        <source>Identity revealed</source>
        <translation>شناخت ظاہر کی گئی</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>رپورٹ برآمد کی گئی</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>بیک اپ بنایا گیا</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>بیک اپ سے بحال کیا گیا</translation>
    </message>
    <message>
        <source>Register imported</source>
        <translation>رجسٹر درآمد کیا گیا</translation>
    </message>
    <message>
        <source>Office added</source>
        <translation>دفتر شامل کیا گیا</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>صارف شامل کیا گیا</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>صارف غیر فعال کیا گیا</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>صارف فعال کیا گیا</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>پاس فریز تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Passphrase reset</source>
        <translation>پاس فریز دوبارہ مقرر کیا گیا</translation>
    </message>
    <message>
        <source>Keys rotated</source>
        <translation>کلیدیں تبدیل کی گئیں</translation>
    </message>
    <message>
        <source>Identity key granted</source>
        <translation>شناختی کلید دی گئی</translation>
    </message>
    <message>
        <source>Audit log break recorded</source>
        <translation>آڈٹ لاگ میں ٹوٹ درج کیا گیا</translation>
    </message>
    <message>
        <source>Reference lists updated</source>
        <translation>حوالہ جاتی فہرستیں تازہ کی گئیں</translation>
    </message>
    <message>
        <source>Sync keys made</source>
        <translation>سنک کلیدیں بنائی گئیں</translation>
    </message>
    <message>
        <source>New device identity</source>
        <translation>ڈیوائس کی نئی شناخت</translation>
    </message>
    <message>
        <source>Enrolled with HQ</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>بنڈل برآمد کیا گیا</translation>
    </message>
    <message>
        <source>Receipt from HQ imported</source>
        <translation>ہیڈکوارٹر کی رسید درآمد کی گئی</translation>
    </message>
    <message>
        <source>Records back from HQ applied</source>
        <translation>ہیڈکوارٹر سے واپس آئے ریکارڈ لاگو کیے گئے</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>بنڈل درآمد کیا گیا</translation>
    </message>
    <message>
        <source>Created by a district&apos;s bundle</source>
        <translation>ضلع کے بنڈل سے بنایا گیا</translation>
    </message>
    <message>
        <source>Changed by a district&apos;s bundle</source>
        <translation>ضلع کے بنڈل سے تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Deleted by a district&apos;s bundle</source>
        <translation>ضلع کے بنڈل سے حذف کیا گیا</translation>
    </message>
    <message>
        <source>Conflict held for review</source>
        <translation>تنازع جائزے کے لیے روکا گیا</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>تنازع حل کیا گیا</translation>
    </message>
    <message>
        <source>Receipt issued</source>
        <translation>رسید جاری کی گئی</translation>
    </message>
    <message>
        <source>Device registered</source>
        <translation>ڈیوائس رجسٹر کی گئی</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>ڈیوائس منسوخ کی گئی</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>پرنٹ کیا گیا</translation>
    </message>
    <message>
        <source>Deadline marked done</source>
        <translation>مقررہ کام مکمل قرار دیا گیا</translation>
    </message>
    <message>
        <source>Deadline reopened</source>
        <translation>مقررہ کام دوبارہ کھولا گیا</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>خانے</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>district</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <source>previous device</source>
        <translation>سابقہ ڈیوائس</translation>
    </message>
    <message>
        <source>from device</source>
        <translation>ڈیوائس سے</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>برقرار</translation>
    </message>
    <message>
        <source>held</source>
        <translation>روکے گئے</translation>
    </message>
    <message>
        <source>records</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>قبول شدہ</translation>
    </message>
    <message>
        <source>file</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>bundles</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>users</source>
        <translation>صارفین</translation>
    </message>
    <message>
        <source>users left out</source>
        <translation>چھوڑے گئے صارفین</translation>
    </message>
    <message>
        <source>added</source>
        <translation>شامل</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تبدیل</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>HQ&apos;s version</source>
        <translation>ہیڈکوارٹر کا ورژن</translation>
    </message>
    <message>
        <source>the district&apos;s version</source>
        <translation>ضلع کا ورژن</translation>
    </message>
</context>
<context>
    <name>AutoUpload</name>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ابھی ابھی</translation>
    </message>
    <message>
        <source>{n} minute ago</source>
        <translation>‏{n} منٹ پہلے</translation>
    </message>
    <message>
        <source>{n} minutes ago</source>
        <translation>‏{n} منٹ پہلے</translation>
    </message>
    <message>
        <source>{n} hour ago</source>
        <translation>‏{n} گھنٹہ پہلے</translation>
    </message>
    <message>
        <source>{n} hours ago</source>
        <translation>‏{n} گھنٹے پہلے</translation>
    </message>
    <message>
        <source>{n} day ago</source>
        <translation>‏{n} دن پہلے</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>‏{n} دن پہلے</translation>
    </message>
    <message>
        <source>{n} change waiting</source>
        <translation>‏{n} تبدیلی منتظر</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>‏{n} تبدیلیاں منتظر</translation>
    </message>
    <message>
        <source>HQ: {waiting}; last contact {last}</source>
        <translation>ہیڈکوارٹر: {waiting}؛ آخری رابطہ {last}</translation>
    </message>
    <message>
        <source>Sending to HQ…</source>
        <translation>ہیڈکوارٹر کو بھیجا جا رہا ہے…</translation>
    </message>
    <message>
        <source>HQ is up to date; last contact {last}</source>
        <translation>ہیڈکوارٹر تازہ ہے؛ آخری رابطہ {last}</translation>
    </message>
    <message>
        <source>Sent to HQ; {waiting}; last contact {last}</source>
        <translation>ہیڈکوارٹر کو بھیج دیا گیا؛ {waiting}؛ آخری رابطہ {last}</translation>
    </message>
    <message>
        <source>HQ not reachable; {waiting}; last contact {last}</source>
        <translation>ہیڈکوارٹر سے رابطہ نہیں ہو سکا؛ {waiting}؛ آخری رابطہ {last}</translation>
    </message>
    <message>
        <source>Not sent: a supervisor must send the new changes; {waiting}</source>
        <translation>نہیں بھیجا گیا: نئی تبدیلیاں کسی نگران کو بھیجنی ہوں گی؛ {waiting}</translation>
    </message>
    <message>
        <source>HQ did not accept the upload; {waiting}; last contact {last}</source>
        <translation>ہیڈکوارٹر نے اپ لوڈ قبول نہیں کیا؛ {waiting}؛ آخری رابطہ {last}</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>New campaign</source>
        <translation>نئی مہم</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>مہم</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>The campaign</source>
        <translation>مہم</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>e.g. Walk against human trafficking</source>
        <translation>مثلاً انسانی اسمگلنگ کے خلاف واک</translation>
    </message>
    <message>
        <source>&amp;Organising department</source>
        <translation>منتظم محکمہ</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Part of a &amp;national campaign</source>
        <translation>قومی مہم کا حصہ</translation>
    </message>
    <message>
        <source>e.g. Human Trafficking Awareness Week 2026</source>
        <translation>مثلاً انسانی اسمگلنگ سے آگاہی کا ہفتہ 2026</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>کب اور کہاں</translation>
    </message>
    <message>
        <source>&amp;Start date</source>
        <translation>تاریخِ آغاز</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>تاریخِ اختتام</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>مقام</translation>
    </message>
    <message>
        <source>&amp;People reached</source>
        <translation>جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>نوٹس</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>تمام مہمات</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>نئی مہم</translation>
    </message>
    <message>
        <source>Search titles, venues, national campaigns, notes…</source>
        <translation>عنوان، مقامات، قومی مہمات، نوٹس تلاش کریں…</translation>
    </message>
    <message>
        <source>No awareness campaigns yet. Use “New campaign” to record one.</source>
        <translation>ابھی تک آگاہی کی کوئی مہم نہیں۔ درج کرنے کے لیے «نئی مہم» استعمال کریں۔</translation>
    </message>
    <message>
        <source>{n} campaign</source>
        <translation>‏{n} مہم</translation>
    </message>
    <message>
        <source>{n} campaigns</source>
        <translation>‏{n} مہمات</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>کوئی بھی محکمہ</translation>
    </message>
    <message>
        <source>Organising department</source>
        <translation>منتظم محکمہ</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>کوئی بھی قسم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>(no name)</source>
        <translation>(نام نہیں)</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>‏{months} ماہ</translation>
    </message>
    <message>
        <source>Accused {n}</source>
        <translation>ملزم {n}</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>گرفتاری</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Imprisonment</source>
        <translation>قید</translation>
    </message>
    <message>
        <source>Add an accused</source>
        <translation>ملزم شامل کریں</translation>
    </message>
    <message>
        <source>Remove accused</source>
        <translation>ملزم ہٹائیں</translation>
    </message>
    <message>
        <source>No accused recorded yet. Use “Add an accused” (Ctrl+Shift+A) for each suspect.</source>
        <translation>ابھی تک کوئی ملزم درج نہیں۔ ہر مشتبہ کے لیے «ملزم شامل کریں» (Ctrl+Shift+A) استعمال کریں۔</translation>
    </message>
    <message>
        <source>Remove this accused from the case? The record is deleted when you save.</source>
        <translation>اس ملزم کو مقدمے سے ہٹائیں؟ محفوظ کرنے پر ریکارڈ حذف ہو جائے گا۔</translation>
    </message>
    <message>
        <source>Victim {n}</source>
        <translation>متاثرہ {n}</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Victim code</source>
        <translation>متاثرہ کا کوڈ</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Add a victim</source>
        <translation>متاثرہ شامل کریں</translation>
    </message>
    <message>
        <source>Remove victim</source>
        <translation>متاثرہ ہٹائیں</translation>
    </message>
    <message>
        <source>No victim recorded in this case yet. “Add a victim” (Ctrl+Shift+V).</source>
        <translation>اس مقدمے میں ابھی تک کوئی متاثرہ درج نہیں۔ «متاثرہ شامل کریں» (Ctrl+Shift+V)۔</translation>
    </message>
    <message>
        <source>Remove this victim from the case? The record is deleted when you save.</source>
        <translation>اس متاثرہ کو مقدمے سے ہٹائیں؟ محفوظ کرنے پر ریکارڈ حذف ہو جائے گا۔</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>فائلیں</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>مقدمہ {number}</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>نیا مقدمہ</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>حوالگی…</translation>
    </message>
    <message>
        <source>Hand this case over to another district</source>
        <translation>یہ مقدمہ کسی دوسرے ضلع کے حوالے کریں</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>حوالے کریں</translation>
    </message>
    <message>
        <source>Save or discard the changes first: the case is handed over as saved.</source>
        <translation>پہلے تبدیلیاں محفوظ یا ترک کریں: مقدمہ اسی حالت میں حوالے کیا جاتا ہے جس میں محفوظ ہے۔</translation>
    </message>
</context>
<context>
    <name>CaseFilesCard</name>
    <message>
        <source>MB</source>
        <translation>‏MB</translation>
    </message>
    <message>
        <source>Case files</source>
        <translation>مقدمے کی فائلیں</translation>
    </message>
    <message>
        <source>Scans and photos attached to cases are kept encrypted in the store and in its backups. Larger limits make backups larger.</source>
        <translation>مقدمات سے منسلک اسکین اور تصاویر ڈیٹا اسٹور اور اس کے بیک اپ میں خفیہ (انکرپٹڈ) رکھی جاتی ہیں۔ زیادہ حدیں بیک اپ کو بڑا کر دیتی ہیں۔</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>سب سے بڑی فائل</translation>
    </message>
    <message>
        <source>All files together</source>
        <translation>تمام فائلیں مجموعی طور پر</translation>
    </message>
    <message>
        <source>Save limits</source>
        <translation>حدیں محفوظ کریں</translation>
    </message>
    <message>
        <source>Scans and photos attached to cases are kept encrypted in the store and in its backups; they take {used} now. Larger limits make backups larger.</source>
        <translation>مقدمات سے منسلک اسکین اور تصاویر ڈیٹا اسٹور اور اس کے بیک اپ میں خفیہ (انکرپٹڈ) رکھی جاتی ہیں؛ اس وقت یہ {used} جگہ لیتی ہیں۔ زیادہ حدیں بیک اپ کو بڑا کر دیتی ہیں۔</translation>
    </message>
    <message>
        <source>The limits were saved.</source>
        <translation>حدیں محفوظ کر دی گئیں۔</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Official involvement</source>
        <translation>سرکاری اہلکار کا ملوث ہونا</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>واقعات</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>اندراج</translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation>مقدمہ نمبر</translation>
    </message>
    <message>
        <source>e.g. FIR 101/2025</source>
        <translation>مثلاً FIR 101/2025</translation>
    </message>
    <message>
        <source>Registered &amp;as</source>
        <translation>بطور درج</translation>
    </message>
    <message>
        <source>&amp;Registered on</source>
        <translation>تاریخِ اندراج</translation>
    </message>
    <message>
        <source>registration date</source>
        <translation>تاریخِ اندراج</translation>
    </message>
    <message>
        <source>The date of the offence (the FIR&apos;s date of occurrence): sentences are checked against the law in force on it. Empty: the registration date.</source>
        <translation>جرم کی تاریخ (FIR میں وقوعہ کی تاریخ): سزاؤں کی جانچ اس دن نافذ قانون کے مطابق ہوتی ہے۔ خالی ہو تو تاریخِ اندراج۔</translation>
    </message>
    <message>
        <source>Date of offenc&amp;e</source>
        <translation>تاریخِ وقوعہ</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>O&amp;ffice</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>&amp;Law</source>
        <translation>قانون</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>دفعات</translation>
    </message>
    <message>
        <source>e.g. 3(1), 3(2)</source>
        <translation>مثلاً 3(1)، 3(2)</translation>
    </message>
    <message>
        <source>&amp;Investigating officer</source>
        <translation>تفتیشی افسر</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>Reason for &amp;closing</source>
        <translation>بند کرنے کی وجہ</translation>
    </message>
    <message>
        <source>Only when the case is closed</source>
        <translation>صرف جب مقدمہ بند ہو</translation>
    </message>
    <message>
        <source>Exploitation and route</source>
        <translation>استحصال اور راستہ</translation>
    </message>
    <message>
        <source>Forms of e&amp;xploitation</source>
        <translation>استحصال کی اقسام</translation>
    </message>
    <message>
        <source>&amp;Means of control</source>
        <translation>قابو میں رکھنے کے ذرائع</translation>
    </message>
    <message>
        <source>Transnational (crossed a &amp;border)</source>
        <translation>بین الاقوامی (سرحد پار ہوئی)</translation>
    </message>
    <message>
        <source>Co&amp;untries on the route</source>
        <translation>راستے کے ممالک</translation>
    </message>
    <message>
        <source>A supervisor reviewed that a victim of this case is also recorded as accused</source>
        <translation>ایک نگران نے جائزہ لیا کہ اس مقدمے کا ایک متاثرہ ملزم کے طور پر بھی درج ہے</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>جائزہ لیا گیا</translation>
    </message>
    <message>
        <source>Record whether a public official is alleged to be involved and the action taken against them. A decided or closed case with an official involved needs the action.</source>
        <translation>درج کریں کہ آیا کسی سرکاری اہلکار کے ملوث ہونے کا الزام ہے اور اس کے خلاف کیا کارروائی ہوئی۔ فیصلہ شدہ یا بند مقدمے میں اہلکار ملوث ہو تو کارروائی درج کرنا ضروری ہے۔</translation>
    </message>
    <message>
        <source>A public &amp;official is alleged to be involved</source>
        <translation>کسی سرکاری اہلکار کے ملوث ہونے کا الزام ہے</translation>
    </message>
    <message>
        <source>Action &amp;taken</source>
        <translation>کی گئی کارروائی</translation>
    </message>
    <message>
        <source>What &amp;happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>Reviewed by {user}.</source>
        <translation>جائزہ از {user}۔</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>My cases</source>
        <translation>میرے مقدمات</translation>
    </message>
    <message>
        <source>Only the cases you are the investigating officer of</source>
        <translation>صرف وہ مقدمات جن کے آپ تفتیشی افسر ہیں</translation>
    </message>
    <message>
        <source>How you are written as investigating officer</source>
        <translation>تفتیشی افسر کے طور پر آپ کا نام کیسے لکھا جاتا ہے</translation>
    </message>
    <message>
        <source>Only the cases whose investigating officer is {name}</source>
        <translation>صرف وہ مقدمات جن کے تفتیشی افسر {name} ہیں</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>تمام مقدمات</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>نیا مقدمہ</translation>
    </message>
    <message>
        <source>Search case numbers, officers, accused names and CNICs, narratives…</source>
        <translation>مقدمہ نمبر، افسران، ملزمان کے نام اور CNIC، واقعات تلاش کریں…</translation>
    </message>
    <message>
        <source>No cases yet. Use “New case” to register the first one.</source>
        <translation>ابھی تک کوئی مقدمہ نہیں۔ پہلا مقدمہ درج کرنے کے لیے «نیا مقدمہ» استعمال کریں۔</translation>
    </message>
    <message>
        <source>{n} case</source>
        <translation>‏{n} مقدمہ</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>‏{n} مقدمات</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>کوئی بھی مرحلہ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>کوئی بھی نتیجہ</translation>
    </message>
    <message>
        <source>Cases with an accused of this outcome</source>
        <translation>وہ مقدمات جن میں اس نتیجے کا ملزم ہو</translation>
    </message>
    <message>
        <source>Your name as it is written in “Investigating officer”:</source>
        <translation>«تفتیشی افسر» میں آپ کا نام جیسے لکھا ہے:</translation>
    </message>
</context>
<context>
    <name>CauseListDialog</name>
    <message>
        <source>Cause list</source>
        <translation>کاز لسٹ</translation>
    </message>
    <message>
        <source>The hearings of seven days, court by court</source>
        <translation>سات دن کی پیشیاں، عدالت وار</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>a date is needed</source>
        <translation>تاریخ درکار ہے</translation>
    </message>
</context>
<context>
    <name>CommencementDialog</name>
    <message>
        <source>Commencement of the amendment</source>
        <translation>ترمیم کا نفاذ</translation>
    </message>
    <message>
        <source>When did the amendment take effect?</source>
        <translation>ترمیم کب نافذ ہوئی؟</translation>
    </message>
    <message>
        <source>The sentencing rules in this folder hold {n} new version(s) waiting for their commencement date. Give the date the amended law took effect, as notified in the Gazette.</source>
        <translation>اس فولڈر کے سزا کے قواعد میں {n} نئے ورژن اپنی تاریخِ نفاذ کے منتظر ہیں۔ وہ تاریخ درج کریں جب ترمیم شدہ قانون نافذ ہوا، جیسا کہ گزٹ میں مشتہر ہوا۔</translation>
    </message>
    <message>
        <source>Offences from that date are checked against the new limits; earlier offences keep the limits before (penal law is not retroactive).</source>
        <translation>اس تاریخ سے ہونے والے جرائم کی جانچ نئی حدود کے مطابق ہو گی؛ پہلے کے جرائم پر سابقہ حدود لاگو رہیں گی (فوجداری قانون کا اطلاق ماضی پر نہیں ہوتا)۔</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>نافذ از</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>تنصیب</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>مختلف خانے</translation>
    </message>
    <message>
        <source>Choose, field by field, which value the register keeps (Tab moves between fields, Left and Right switch). Resolve… lists what will be discarded before anything is written.</source>
        <translation>ہر خانے کے لیے منتخب کریں کہ رجسٹر کون سی قدر رکھے (Tab خانوں کے درمیان لے جاتا ہے، دائیں اور بائیں تیر بدلتے ہیں)۔ «حل کریں…» کچھ لکھنے سے پہلے بتاتا ہے کہ کیا ترک ہو گا۔</translation>
    </message>
    <message>
        <source>All &amp;HQ&apos;s</source>
        <translation>سب ہیڈکوارٹر کے</translation>
    </message>
    <message>
        <source>Keep HQ&apos;s value in every field</source>
        <translation>ہر خانے میں ہیڈکوارٹر کی قدر رکھیں</translation>
    </message>
    <message>
        <source>All the &amp;district&apos;s</source>
        <translation>سب ضلع کے</translation>
    </message>
    <message>
        <source>Keep the district&apos;s value in every field</source>
        <translation>ہر خانے میں ضلع کی قدر رکھیں</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>حل کریں…</translation>
    </message>
    <message>
        <source>{where}, device {device}</source>
        <translation>‏{where}، ڈیوائس {device}</translation>
    </message>
    <message>
        <source>{title}
version {v}, saved by {who} ({where}) on {at}</source>
        <translation>‏{title}
ورژن {v}، محفوظ کنندہ {who} ({where}) بتاریخ {at}</translation>
    </message>
    <message>
        <source>In HQ&apos;s register</source>
        <translation>ہیڈکوارٹر کے رجسٹر میں</translation>
    </message>
    <message>
        <source>Held back from {district}</source>
        <translation>‏{district} سے روکا گیا</translation>
    </message>
    <message>
        <source>{hq} from HQ, {district} from the district</source>
        <translation>‏{hq} ہیڈکوارٹر سے، {district} ضلع سے</translation>
    </message>
    <message>
        <source>Conflict on {record} resolved: the district&apos;s version is kept.</source>
        <translation>‏{record} پر تنازع حل ہوا: ضلع کا ورژن برقرار رکھا گیا۔</translation>
    </message>
    <message>
        <source>Conflict on {record} resolved: merged field by field ({n} from the district, the rest from HQ).</source>
        <translation>‏{record} پر تنازع حل ہوا: خانہ بہ خانہ یکجا کیا گیا ({n} ضلع سے، باقی ہیڈکوارٹر سے)۔</translation>
    </message>
    <message>
        <source>Conflict on {record} resolved: HQ&apos;s version is kept.</source>
        <translation>‏{record} پر تنازع حل ہوا: ہیڈکوارٹر کا ورژن برقرار رکھا گیا۔</translation>
    </message>
    <message>
        <source>It goes back to {district} with the next receipt.</source>
        <translation>یہ اگلی رسید کے ساتھ {district} کو واپس جائے گا۔</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>ڈیوائسز</translation>
    </message>
    <message>
        <source>Last record change</source>
        <translation>ریکارڈ میں آخری تبدیلی</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Held in quarantine</source>
        <translation>قرنطینہ میں روکے گئے</translation>
    </message>
    <message>
        <source>Data from {n} of {total} districts.</source>
        <translation>‏{total} میں سے {n} اضلاع کا ڈیٹا۔</translation>
    </message>
    <message>
        <source>{n} have no device registered.</source>
        <translation>‏{n} اضلاع میں کوئی ڈیوائس رجسٹر نہیں۔</translation>
    </message>
    <message>
        <source>{n} registered but never sent data.</source>
        <translation>‏{n} اضلاع رجسٹر ہیں مگر انہوں نے کبھی ڈیٹا نہیں بھیجا۔</translation>
    </message>
    <message>
        <source>{n} not heard of since {date}.</source>
        <translation>‏{n} اضلاع سے {date} کے بعد کوئی اطلاع نہیں۔</translation>
    </message>
    <message>
        <source>{n} held in quarantine and not in these figures (see Breakdowns, Coverage).</source>
        <translation>‏{n} قرنطینہ میں روکے گئے ہیں اور ان اعداد و شمار میں شامل نہیں (دیکھیں: تفصیلی تقسیم، احاطہ)۔</translation>
    </message>
    <message>
        <source>{n} record received is</source>
        <translation>موصول شدہ {n} ریکارڈ</translation>
    </message>
    <message>
        <source>{n} records received are</source>
        <translation>موصول شدہ {n} ریکارڈ</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>تازہ</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>پرانا</translation>
    </message>
    <message>
        <source>Registered, never sent</source>
        <translation>رجسٹر شدہ، کبھی نہیں بھیجا</translation>
    </message>
    <message>
        <source>No device registered</source>
        <translation>کوئی ڈیوائس رجسٹر نہیں</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>Held in quarantine, by district: {list}.</source>
        <translation>قرنطینہ میں روکے گئے ریکارڈ، ضلع وار: {list}۔</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>ڈیوائسز</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Held in quarantine</source>
        <translation>قرنطینہ میں روکے گئے</translation>
    </message>
    <message>
        <source>Re-check quarantine</source>
        <translation>قرنطینہ کی دوبارہ جانچ</translation>
    </message>
    <message>
        <source>Validate the records held in quarantine again with HQ&apos;s offices and reference lists as they are now, and add those that pass to the register.</source>
        <translation>قرنطینہ میں روکے گئے ریکارڈ کی ہیڈکوارٹر کے موجودہ دفاتر اور حوالہ جاتی فہرستوں کے مطابق دوبارہ جانچ کریں، اور جو درست پائے جائیں انہیں رجسٹر میں شامل کریں۔</translation>
    </message>
    <message>
        <source>Data from {n} of {total} districts.</source>
        <translation>‏{total} میں سے {n} اضلاع کا ڈیٹا۔</translation>
    </message>
    <message>
        <source>{n} registered but never sent data: call them.</source>
        <translation>‏{n} اضلاع رجسٹر ہیں مگر انہوں نے کبھی ڈیٹا نہیں بھیجا: ان سے رابطہ کریں۔</translation>
    </message>
    <message>
        <source>{n} have no device registered.</source>
        <translation>‏{n} اضلاع میں کوئی ڈیوائس رجسٹر نہیں۔</translation>
    </message>
    <message>
        <source>{n} sent nothing since {date}.</source>
        <translation>‏{n} اضلاع نے {date} کے بعد کچھ نہیں بھیجا۔</translation>
    </message>
    <message>
        <source>{n} held in quarantine (in no figure until they pass).</source>
        <translation>‏{n} قرنطینہ میں روکے گئے ہیں (جانچ میں درست پائے جانے تک کسی عدد میں شامل نہیں)۔</translation>
    </message>
    <message>
        <source>{n} record is</source>
        <translation>‏{n} ریکارڈ</translation>
    </message>
    <message>
        <source>{n} records are</source>
        <translation>‏{n} ریکارڈ</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>تازہ</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>پرانا</translation>
    </message>
    <message>
        <source>Registered, never sent</source>
        <translation>رجسٹر شدہ، کبھی نہیں بھیجا</translation>
    </message>
    <message>
        <source>No device registered</source>
        <translation>کوئی ڈیوائس رجسٹر نہیں</translation>
    </message>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>Released from quarantine and added to the register: {list}.</source>
        <translation>قرنطینہ سے رہا کر کے رجسٹر میں شامل کیے گئے: {list}۔</translation>
    </message>
    <message>
        <source>{district}: {n} records</source>
        <translation>‏{district}: {n} ریکارڈ</translation>
    </message>
    <message>
        <source>No record held in quarantine passes HQ&apos;s checks yet.</source>
        <translation>قرنطینہ میں روکا گیا کوئی ریکارڈ ابھی ہیڈکوارٹر کی جانچ میں درست نہیں پایا گیا۔</translation>
    </message>
    <message>
        <source>{n} still held: the districts must correct them.</source>
        <translation>‏{n} ابھی تک روکے ہوئے ہیں: اضلاع انہیں درست کریں۔</translation>
    </message>
    <message>
        <source>{n} entry is</source>
        <translation>‏{n} اندراج</translation>
    </message>
    <message>
        <source>{n} entries are</source>
        <translation>‏{n} اندراجات</translation>
    </message>
    <message>
        <source>Nothing is held in quarantine now.</source>
        <translation>اس وقت قرنطینہ میں کچھ نہیں روکا گیا۔</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Headquarters: all districts</source>
        <translation>ہیڈکوارٹر: تمام اضلاع</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>گزشتہ 12 ماہ</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>رواں سال</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>تمام عرصہ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Open the review queue</source>
        <translation>جائزے کی قطار کھولیں</translation>
    </message>
    <message>
        <source>Cases registered</source>
        <translation>درج شدہ مقدمات</translation>
    </message>
    <message>
        <source>Proceeded against</source>
        <translation>جن کے خلاف کارروائی ہوئی</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>Victims identified</source>
        <translation>شناخت شدہ متاثرین</translation>
    </message>
    <message>
        <source>People trained</source>
        <translation>تربیت یافتہ افراد</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>Cases by stage</source>
        <translation>مرحلہ وار مقدمات</translation>
    </message>
    <message>
        <source>Cases registered and accused convicted per month</source>
        <translation>ماہانہ درج شدہ مقدمات اور سزا یافتہ ملزمان</translation>
    </message>
    <message>
        <source>Victims by gender and age</source>
        <translation>جنس اور عمر کے لحاظ سے متاثرین</translation>
    </message>
    <message>
        <source>People trained and campaigns per month</source>
        <translation>ماہانہ تربیت یافتہ افراد اور مہمات</translation>
    </message>
    <message>
        <source>No records yet. Record cases, victims, training sessions and campaigns from the sidebar; on a training install, Settings can add demo data.</source>
        <translation>ابھی تک کوئی ریکارڈ نہیں۔ سائیڈ بار سے مقدمات، متاثرین، تربیتی نشستیں اور مہمات درج کریں؛ تربیتی تنصیب پر «ترتیبات» سے نمونے کا ڈیٹا شامل کیا جا سکتا ہے۔</translation>
    </message>
    <message>
        <source>{n} accused may be a victim of the same case: a supervisor reviews them before they can be proceeded against.</source>
        <translation>‏{n} ملزم اسی مقدمے کے متاثرہ ہو سکتے ہیں: ان کے خلاف کارروائی سے پہلے نگران ان کا جائزہ لیتا ہے۔</translation>
    </message>
    <message>
        <source>the first record</source>
        <translation>پہلا ریکارڈ</translation>
    </message>
    <message>
        <source>{office} · from {start} to {end}</source>
        <translation>‏{office} · {start} سے {end} تک</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>تمام اضلاع</translation>
    </message>
    <message>
        <source>FIRs and enquiries</source>
        <translation>‏FIR اور انکوائریاں</translation>
    </message>
    <message>
        <source>accused, by challan</source>
        <translation>ملزمان، بذریعہ چالان</translation>
    </message>
    <message>
        <source>accused, by judgment</source>
        <translation>ملزمان، بذریعہ فیصلہ</translation>
    </message>
    <message>
        <source>{children} children</source>
        <translation>‏{children} بچے</translation>
    </message>
    <message>
        <source>in {n} sessions</source>
        <translation>‏{n} نشستوں میں</translation>
    </message>
    <message>
        <source>{n} reached</source>
        <translation>‏{n} تک رسائی</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>تفتیش</translation>
    </message>
    <message>
        <source>Challan</source>
        <translation>چالان</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>سماعت</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>فیصلہ شدہ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Cases registered in the period by how far they have got ({closed} closed early count as registered).</source>
        <translation>مدت کے دوران درج شدہ مقدمات، اس لحاظ سے کہ وہ کس مرحلے تک پہنچے ({closed} جلد بند ہونے والے درج شدہ شمار ہوتے ہیں)۔</translation>
    </message>
    <message>
        <source>Accused convicted</source>
        <translation>سزا یافتہ ملزمان</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>خاتون</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Transgender</source>
        <translation>خواجہ سرا</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>درج نہیں</translation>
    </message>
    <message>
        <source>Child (under 18)</source>
        <translation>بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>بالغ</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>عمر نامعلوم</translation>
    </message>
</context>
<context>
    <name>DataQualityPanel</name>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>قاعدہ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مسئلہ</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>موصول</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>Why it was held back</source>
        <translation>روکنے کی وجہ</translation>
    </message>
    <message>
        <source>Last heard of</source>
        <translation>آخری اطلاع</translation>
    </message>
    <message>
        <source>Failing validation</source>
        <translation>توثیق میں ناکام</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>قرنطینہ میں</translation>
    </message>
    <message>
        <source>Districts gone quiet</source>
        <translation>خاموش اضلاع</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>متاثرہ</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>مہم</translation>
    </message>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>Failing validation ({n})</source>
        <translation>توثیق میں ناکام ({n})</translation>
    </message>
    <message>
        <source>Quarantined ({n})</source>
        <translation>قرنطینہ میں ({n})</translation>
    </message>
    <message>
        <source>Districts gone quiet ({n})</source>
        <translation>خاموش اضلاع ({n})</translation>
    </message>
    <message>
        <source>{checked} records checked against today&apos;s rules; {failing} fail. Quiet: no news since {since}.</source>
        <translation>‏{checked} ریکارڈز کی آج کے قواعد کے مطابق جانچ ہوئی؛ {failing} ناکام۔ خاموش: {since} سے کوئی خبر نہیں۔</translation>
    </message>
    <message>
        <source>Stopped at the limit: not every record was checked.</source>
        <translation>حد پر رک گیا: ہر ریکارڈ کی جانچ نہیں ہوئی۔</translation>
    </message>
</context>
<context>
    <name>DatabaseChoice</name>
    <message>
        <source>This computer&apos;s encrypted store (a small HQ)</source>
        <translation>اس کمپیوٹر کا خفیہ شدہ اسٹور (چھوٹا ہیڈکوارٹر)</translation>
    </message>
    <message>
        <source>A PostgreSQL server (several analysts and the receiver at once)</source>
        <translation>ایک PostgreSQL سرور (ایک ساتھ کئی تجزیہ کار اور وصول کنندہ)</translation>
    </message>
    <message>
        <source>Database URL, e.g. postgresql:///tipdesk?host=/var/run/postgresql</source>
        <translation>ڈیٹا بیس کا URL، مثلاً postgresql:///tipdesk?host=/var/run/postgresql</translation>
    </message>
    <message>
        <source>CA certificate (a server over the network)</source>
        <translation>تصدیقی CA سرٹیفکیٹ (نیٹ ورک پر سرور کے لیے)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <source>Over the network: TLS verified against this CA certificate. A Unix socket on this computer needs none.</source>
        <translation>نیٹ ورک پر: اس CA سرٹیفکیٹ سے تصدیق شدہ TLS۔ اسی کمپیوٹر پر Unix ساکٹ کو اس کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>تصدیقی CA سرٹیفکیٹ</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>سرٹیفکیٹ (*.pem *.crt *.cer);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Records: this computer&apos;s encrypted store</source>
        <translation>ریکارڈ: اس کمپیوٹر کا خفیہ شدہ اسٹور</translation>
    </message>
    <message>
        <source>Records: a PostgreSQL server</source>
        <translation>ریکارڈ: PostgreSQL سرور</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Complete up to</source>
        <translation>مکمل تا</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخری بار دیکھا گیا</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تنازعات</translation>
    </message>
    <message>
        <source>Audit anchor</source>
        <translation>آڈٹ اینکر</translation>
    </message>
    <message>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <source>Register a device…</source>
        <translation>ڈیوائس رجسٹر کریں…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>منسوخ کریں…</translation>
    </message>
    <message>
        <source>up to entry {n}</source>
        <translation>اندراج {n} تک</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ابھی کوئی نہیں</translation>
    </message>
    <message>
        <source>⚠ Backwards, bundle {n}</source>
        <translation>⚠ پیچھے گیا، بنڈل {n}</translation>
    </message>
    <message>
        <source>The audit log in bundle {n} ends earlier than one HQ received before: the device&apos;s log was cut back, or the device was restored from an old backup.</source>
        <translation>بنڈل {n} کا آڈٹ لاگ ہیڈکوارٹر کو پہلے موصول شدہ لاگ سے پہلے ختم ہو جاتا ہے: ڈیوائس کا لاگ کاٹا گیا، یا ڈیوائس کو کسی پرانے بیک اپ سے بحال کیا گیا۔</translation>
    </message>
    <message>
        <source>⚠ Forked, bundle {n}</source>
        <translation>⚠ شاخ بنی، بنڈل {n}</translation>
    </message>
    <message>
        <source>The audit log in bundle {n} no longer contains the entries HQ saw before: its history was rewritten, or another copy of the install is sending.</source>
        <translation>بنڈل {n} کے آڈٹ لاگ میں وہ اندراجات موجود نہیں جو ہیڈکوارٹر نے پہلے دیکھے تھے: اس کی تاریخ دوبارہ لکھی گئی، یا تنصیب کی کوئی دوسری نقل ڈیٹا بھیج رہی ہے۔</translation>
    </message>
    <message>
        <source>The bundle was imported (its records are kept), but the district&apos;s audit trail can no longer be trusted. Call the district: ask whether the computer was restored or copied, compare its audit log (Audit screen) with HQ&apos;s, and revoke and register the device again if it is not the one you registered.</source>
        <translation>بنڈل درآمد کر لیا گیا (اس کے ریکارڈ محفوظ ہیں)، مگر ضلع کے آڈٹ ریکارڈ پر اب بھروسا نہیں کیا جا سکتا۔ ضلع سے رابطہ کریں: دریافت کریں کہ کیا کمپیوٹر بحال یا نقل کیا گیا تھا، اس کا آڈٹ لاگ (آڈٹ اسکرین) ہیڈکوارٹر کے لاگ سے ملائیں، اور اگر یہ وہ ڈیوائس نہیں جو آپ نے رجسٹر کی تھی تو اسے منسوخ کر کے دوبارہ رجسٹر کریں۔</translation>
    </message>
    <message>
        <source>{n} earlier flagged bundles.</source>
        <translation>‏{n} سابقہ نشان زد بنڈل۔</translation>
    </message>
    <message>
        <source>{seq} ({at})</source>
        <translation>‏{seq} ({at})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>revoked {at}</source>
        <translation>منسوخ {at}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>{device}
fingerprint {fp}</source>
        <translation>‏{device}
فنگر پرنٹ {fp}</translation>
    </message>
    <message>
        <source>The head of the device&apos;s audit log in its latest bundle</source>
        <translation>تازہ ترین بنڈل میں ڈیوائس کے آڈٹ لاگ کا سرا</translation>
    </message>
    <message>
        <source>The district&apos;s device file</source>
        <translation>ضلع کی ڈیوائس فائل</translation>
    </message>
    <message>
        <source>Device files (*.json)</source>
        <translation>ڈیوائس فائلیں (*.json)</translation>
    </message>
    <message>
        <source>Register the device of {district}?

Fingerprint: {fp}

Compare it with the one the district reads to you before you say yes.</source>
        <translation>‏{district} کی ڈیوائس رجسٹر کریں؟

فنگر پرنٹ: {fp}

ہاں کہنے سے پہلے اس کا موازنہ اُس فنگر پرنٹ سے کریں جو ضلع آپ کو پڑھ کر سنائے۔</translation>
    </message>
    <message>
        <source>Register a device</source>
        <translation>ڈیوائس رجسٹر کریں</translation>
    </message>
    <message>
        <source>Device {device} of {district} registered.</source>
        <translation>‏{district} کی ڈیوائس {device} رجسٹر ہو گئی۔</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>پہلے ایک ڈیوائس منتخب کریں۔</translation>
    </message>
    <message>
        <source>Revoke device {device} of {district}? Every later bundle from it will be refused. This cannot be undone.</source>
        <translation>‏{district} کی ڈیوائس {device} منسوخ کریں؟ اس سے آنے والا ہر آئندہ بنڈل مسترد ہو گا۔ یہ عمل واپس نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>Revoke a device</source>
        <translation>ڈیوائس منسوخ کریں</translation>
    </message>
    <message>
        <source>Device {device} revoked.</source>
        <translation>ڈیوائس {device} منسوخ ہو گئی۔</translation>
    </message>
</context>
<context>
    <name>DiaryView</name>
    <message>
        <source>Enter opens the case · Ctrl+D records what happened or marks done · Ctrl+N adds a hearing · Ctrl+P prints the case summary</source>
        <translation>‏Enter مقدمہ کھولتا ہے · Ctrl+D کارروائی درج کرتا یا مکمل قرار دیتا ہے · Ctrl+N پیشی شامل کرتا ہے · Ctrl+P مقدمے کا خلاصہ پرنٹ کرتا ہے</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>ڈائری</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>تمام دفاتر</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>تمام افسران</translation>
    </message>
    <message>
        <source>Cause list…</source>
        <translation>کاز لسٹ…</translation>
    </message>
    <message>
        <source>Print the hearings of a week, court by court</source>
        <translation>ایک ہفتے کی پیشیاں عدالت وار پرنٹ کریں</translation>
    </message>
    <message>
        <source>Add hearing</source>
        <translation>پیشی شامل کریں</translation>
    </message>
    <message>
        <source>Add a court hearing (Ctrl+N)</source>
        <translation>عدالتی پیشی شامل کریں (Ctrl+N)</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <source>Investigating officer</source>
        <translation>تفتیشی افسر</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>تاخیر شدہ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>آج</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>اس ہفتے</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>افسر وار</translation>
    </message>
    <message>
        <source>Today is {date}</source>
        <translation>آج {date} ہے</translation>
    </message>
    <message>
        <source>Nothing is due. Add court hearings with “Add hearing” (Ctrl+N); deadlines of cases and referrals appear here by themselves.</source>
        <translation>کچھ واجب نہیں۔ «پیشی شامل کریں» (Ctrl+N) سے عدالتی پیشیاں شامل کریں؛ مقدمات اور ریفرلز کی آخری تاریخیں یہاں خود ظاہر ہوتی ہیں۔</translation>
    </message>
    <message>
        <source>(no officer named)</source>
        <translation>(افسر کا نام درج نہیں)</translation>
    </message>
</context>
<context>
    <name>DistrictCombo</name>
    <message>
        <source>Type to search, e.g. Lahore</source>
        <translation>تلاش کے لیے لکھیں، مثلاً لاہور</translation>
    </message>
</context>
<context>
    <name>DistrictField</name>
    <message>
        <source>Type the district&apos;s name, e.g. Lahore</source>
        <translation>ضلع کا نام لکھیں، مثلاً لاہور</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Mark done</source>
        <translation>مکمل قرار دیں</translation>
    </message>
    <message>
        <source>no case</source>
        <translation>مقدمہ نہیں</translation>
    </message>
    <message>
        <source>{what} ({case}), due {date}.</source>
        <translation>‏{what} ({case})، آخری تاریخ {date}۔</translation>
    </message>
    <message>
        <source>Due again on</source>
        <translation>دوبارہ آخری تاریخ</translation>
    </message>
    <message>
        <source>Optional: when to follow up again.</source>
        <translation>اختیاری: دوبارہ پیروی کب کرنی ہے۔</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>Due</source>
        <translation>واجب</translation>
    </message>
    <message>
        <source>Court hearings and deadlines from the diary</source>
        <translation>ڈائری سے عدالتی پیشیاں اور آخری تاریخیں</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>تاخیر شدہ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>آج</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>اس ہفتے</translation>
    </message>
    <message>
        <source>Open the diary</source>
        <translation>ڈائری کھولیں</translation>
    </message>
    <message>
        <source>Nothing is overdue or due this week.</source>
        <translation>اس ہفتے کچھ تاخیر شدہ یا واجب نہیں۔</translation>
    </message>
</context>
<context>
    <name>EnableUserDialog</name>
    <message>
        <source>Enable {name}</source>
        <translation>‏{name} کو فعال کریں</translation>
    </message>
    <message>
        <source>{name} gets access again with a new passphrase (the old one was removed when the user was disabled).</source>
        <translation>‏{name} کو نئے پاس فریز کے ساتھ دوبارہ رسائی ملے گی (صارف کو غیر فعال کرتے وقت پرانا پاس فریز ختم کر دیا گیا تھا)۔</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the register</source>
        <translation>رجسٹر منتخب کریں</translation>
    </message>
    <message>
        <source>An XLSX workbook made from the register template, or a CSV file holding one sheet. Nothing is saved until you confirm on the last page.</source>
        <translation>رجسٹر کے سانچے سے بنی XLSX ورک بک، یا ایک شیٹ والی CSV فائل۔ آخری صفحے پر تصدیق تک کچھ محفوظ نہیں ہوتا۔</translation>
    </message>
    <message>
        <source>register.xlsx or cases.csv</source>
        <translation>‏register.xlsx یا cases.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>تلاش کریں…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>The CSV file holds the sheet</source>
        <translation>‏CSV فائل میں یہ شیٹ ہے</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>فائل کی جانچ کریں</translation>
    </message>
    <message>
        <source>Choose a register</source>
        <translation>رجسٹر منتخب کریں</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;All files (*)</source>
        <translation>رجسٹر (*.xlsx *.csv);;تمام فائلیں (*)</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Choose a file to see it here.</source>
        <translation>فائل یہاں دیکھنے کے لیے اسے منتخب کریں۔</translation>
    </message>
    <message>
        <source>This type of file is not shown in TIPDesk.</source>
        <translation>اس قسم کی فائل TIPDesk میں نہیں دکھائی جاتی۔</translation>
    </message>
    <message>
        <source>The image could not be shown (damaged?).</source>
        <translation>تصویر نہیں دکھائی جا سکی (خراب ہے؟)۔</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>The PDF could not be shown (damaged or password-protected).</source>
        <translation>‏PDF نہیں دکھائی جا سکی (خراب ہے یا پاس ورڈ سے محفوظ)۔</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>صفحہ {n}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} pages; save a copy to read the rest.</source>
        <translation>‏{count} صفحات میں سے پہلے {shown}؛ باقی پڑھنے کے لیے نقل محفوظ کریں۔</translation>
    </message>
</context>
<context>
    <name>FromHq</name>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>What HQ&apos;s version did here</source>
        <translation>یہاں ہیڈکوارٹر کے ورژن نے کیا کیا</translation>
    </message>
    <message>
        <source>Your case</source>
        <translation>آپ کا مقدمہ</translation>
    </message>
    <message>
        <source>An accused is also an accused in</source>
        <translation>ایک ملزم اس میں بھی ملزم ہے</translation>
    </message>
    <message>
        <source>Their case</source>
        <translation>ان کا مقدمہ</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Received from HQ (new to this install)</source>
        <translation>ہیڈکوارٹر سے موصول (اس تنصیب کے لیے نیا)</translation>
    </message>
    <message>
        <source>Corrected at HQ: {fields}</source>
        <translation>ہیڈکوارٹر میں درستی: {fields}</translation>
    </message>
    <message>
        <source>Corrected at HQ</source>
        <translation>ہیڈکوارٹر میں درستی</translation>
    </message>
    <message>
        <source>Conflict resolved at HQ: merged field by field</source>
        <translation>ہیڈکوارٹر میں تنازع حل: خانہ بہ خانہ یکجا</translation>
    </message>
    <message>
        <source>Conflict resolved at HQ: your version kept</source>
        <translation>ہیڈکوارٹر میں تنازع حل: آپ کا ورژن برقرار</translation>
    </message>
    <message>
        <source>Conflict resolved at HQ: HQ&apos;s version kept</source>
        <translation>ہیڈکوارٹر میں تنازع حل: ہیڈکوارٹر کا ورژن برقرار</translation>
    </message>
    <message>
        <source>Waits for its case or victim, which HQ sends later</source>
        <translation>اپنے مقدمے یا متاثرہ کا منتظر، جو ہیڈکوارٹر بعد میں بھیجے گا</translation>
    </message>
    <message>
        <source>Could not be read; ask HQ to check it</source>
        <translation>پڑھا نہ جا سکا؛ ہیڈکوارٹر سے جانچ کی درخواست کریں</translation>
    </message>
</context>
<context>
    <name>HandedOverPanel</name>
    <message>
        <source>Handed over to you</source>
        <translation>آپ کے حوالے کیے گئے</translation>
    </message>
    <message>
        <source>Cases other districts handed over to this office, through HQ</source>
        <translation>وہ مقدمات جو دوسرے اضلاع نے ہیڈکوارٹر کے ذریعے اس دفتر کے حوالے کیے</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>منجانب</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بذریعہ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>(arriving)</source>
        <translation>(موصول ہو رہا ہے)</translation>
    </message>
</context>
<context>
    <name>HandoverBanner</name>
    <message>
        <source>Read only: handed over to {to} on {date} ({reason}). {to}&apos;s office keeps the case up to date now; this is the copy as it was handed over.</source>
        <translation>صرف پڑھنے کے لیے: {date} کو {to} کے حوالے کیا گیا ({reason})۔ اب {to} کا دفتر مقدمے کو تازہ رکھتا ہے؛ یہ حوالگی کے وقت کی نقل ہے۔</translation>
    </message>
    <message>
        <source>Read only: handed over to {to} on {date} ({reason}); HQ moves it with the next bundle. This copy can no longer be changed here.</source>
        <translation>صرف پڑھنے کے لیے: {date} کو {to} کے حوالے کیا گیا ({reason})؛ ہیڈکوارٹر اسے اگلے بنڈل کے ساتھ منتقل کرے گا۔ اس نقل میں اب یہاں تبدیلی نہیں ہو سکتی۔</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over {case}</source>
        <translation>‏{case} کی حوالگی</translation>
    </message>
    <message>
        <source>The case, its accused, victims and referrals go to the receiving district through HQ. From now on this office keeps a read-only copy. The victims&apos; identities are sealed for the receiving district only: HQ relays them and cannot read them.</source>
        <translation>مقدمہ، اس کے ملزمان، متاثرین اور ریفرلز ہیڈکوارٹر کے ذریعے وصول کنندہ ضلع کو جاتے ہیں۔ اب سے اس دفتر کے پاس صرف پڑھنے کے لیے نقل رہے گی۔ متاثرین کی شناخت صرف وصول کنندہ ضلع کے لیے سربمہر کی جاتی ہے: ہیڈکوارٹر اسے آگے پہنچاتا ہے مگر پڑھ نہیں سکتا۔</translation>
    </message>
    <message>
        <source>&amp;Receiving district</source>
        <translation>وصول کنندہ ضلع</translation>
    </message>
    <message>
        <source>Why the case is handed over (required)</source>
        <translation>مقدمہ حوالے کرنے کی وجہ (لازمی)</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>حوالے کریں</translation>
    </message>
    <message>
        <source>Choose the receiving district.</source>
        <translation>وصول کنندہ ضلع منتخب کریں۔</translation>
    </message>
    <message>
        <source>Say why the case is handed over (at most {n} characters).</source>
        <translation>بتائیں کہ مقدمہ کیوں حوالے کیا جا رہا ہے (زیادہ سے زیادہ {n} حروف)۔</translation>
    </message>
</context>
<context>
    <name>HeadlineModel</name>
    <message>
        <source>Figure</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>یہ مدت</translation>
    </message>
    <message>
        <source>A year earlier</source>
        <translation>ایک سال پہلے</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تبدیلی</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> پوائنٹس</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>TIPDesk help</source>
        <translation>‏TIPDesk مدد</translation>
    </message>
    <message>
        <source>Parts of the guide</source>
        <translation>رہنما کے حصے</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>The user guide is missing from this install ({file}).</source>
        <translation>اس تنصیب میں صارف رہنما موجود نہیں ({file})۔</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Created</source>
        <translation>بنایا گیا</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>تبدیل کیا گیا</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف کیا گیا</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>سابقہ ورژن بحال کیا گیا</translation>
    </message>
    <message>
        <source>History of {title}</source>
        <translation>‏{title} کی تاریخچہ</translation>
    </message>
    <message>
        <source>Every version of this record and of its people, newest first. A victim&apos;s name, CNIC, phone and address are never kept in the history.</source>
        <translation>اس ریکارڈ اور اس کے افراد کا ہر ورژن، تازہ ترین پہلے۔ متاثرہ کا نام، CNIC، فون اور پتہ تاریخچے میں کبھی محفوظ نہیں ہوتے۔</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>تاریخچہ…</translation>
    </message>
    <message>
        <source>Who changed what and when; restore an earlier version (Ctrl+H)</source>
        <translation>کس نے کب کیا تبدیل کیا؛ سابقہ ورژن بحال کریں (Ctrl+H)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>کون</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>حصہ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>ورژن</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>کیا تبدیل ہوا</translation>
    </message>
    <message>
        <source>Restore this version…</source>
        <translation>یہ ورژن بحال کریں…</translation>
    </message>
    <message>
        <source>Changed (the fields were not recorded then)</source>
        <translation>تبدیل کیا گیا (اس وقت خانے درج نہیں ہوتے تھے)</translation>
    </message>
    <message>
        <source>Created, with {people}</source>
        <translation>بنایا گیا، {people} کے ساتھ</translation>
    </message>
    <message>
        <source>{n} accused</source>
        <translation>‏{n} ملزم</translation>
    </message>
    <message>
        <source>{n} victim(s)</source>
        <translation>‏{n} متاثرہ/متاثرین</translation>
    </message>
    <message>
        <source>{n} referral(s)</source>
        <translation>‏{n} ریفرل</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>The victim</source>
        <translation>متاثرہ</translation>
    </message>
    <message>
        <source>The training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>The campaign</source>
        <translation>مہم</translation>
    </message>
    <message>
        <source>Save or discard your changes first</source>
        <translation>پہلے اپنی تبدیلیاں محفوظ یا ترک کریں</translation>
    </message>
    <message>
        <source>This version was saved before the history was kept</source>
        <translation>یہ ورژن تاریخچہ رکھے جانے سے پہلے محفوظ کیا گیا تھا</translation>
    </message>
    <message>
        <source>{part}, version {n}: saved {at} by {user}</source>
        <translation>‏{part}، ورژن {n}: محفوظ {at} از {user}</translation>
    </message>
    <message>
        <source>Created.</source>
        <translation>بنایا گیا۔</translation>
    </message>
    <message>
        <source>Entered with {people}.</source>
        <translation>‏{people} کے ساتھ درج کیا گیا۔</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>حذف کیا گیا۔</translation>
    </message>
    <message>
        <source>Saved before version history was kept: no details.</source>
        <translation>ورژن تاریخچہ رکھے جانے سے پہلے محفوظ کیا گیا: تفصیلات نہیں۔</translation>
    </message>
    <message>
        <source>{label}: changed (protected, not kept)</source>
        <translation>‏{label}: تبدیل (محفوظ شدہ، رکھا نہیں گیا)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <source>Put back the values of version {n} of {part}? They are saved as a new version (checked like any save), and the restore is written to the audit log.</source>
        <translation>‏{part} کے ورژن {n} کی قدریں واپس رکھیں؟ یہ نئے ورژن کے طور پر محفوظ ہوں گی (ہر محفوظ کرنے کی طرح جانچ کے ساتھ)، اور بحالی آڈٹ لاگ میں لکھی جائے گی۔</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>ورژن بحال کریں</translation>
    </message>
    <message>
        <source>Not restored: {problems}</source>
        <translation>بحال نہیں ہوا: {problems}</translation>
    </message>
</context>
<context>
    <name>ImportReportTab</name>
    <message>
        <source>Type</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>In the bundles</source>
        <translation>بنڈلز میں</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>قبول شدہ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>کہاں</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
    <message>
        <source>No import yet in this session.</source>
        <translation>اس سیشن میں ابھی کوئی درآمد نہیں۔</translation>
    </message>
    <message>
        <source>Records per type</source>
        <translation>قسم وار ریکارڈ</translation>
    </message>
    <message>
        <source>Duplicates, conflicts, quarantine, gaps</source>
        <translation>دہرے، تنازعات، قرنطینہ، خلا</translation>
    </message>
    <message>
        <source>{files}: {imported} imported, {before}, {refused} refused</source>
        <translation>‏{files}: {imported} درآمد، {before}، {refused} مسترد</translation>
    </message>
    <message>
        <source>{n} bundle file</source>
        <translation>‏{n} بنڈل فائل</translation>
    </message>
    <message>
        <source>{n} bundle files</source>
        <translation>‏{n} بنڈل فائلیں</translation>
    </message>
    <message>
        <source>{n} imported before</source>
        <translation>‏{n} پہلے درآمد شدہ</translation>
    </message>
    <message>
        <source>; case files for HQ: {n} received</source>
        <translation>؛ ہیڈکوارٹر کے لیے مقدمے کی فائلیں: {n} موصول</translation>
    </message>
    <message>
        <source>; {n} moved to the inbox&apos;s “imported” folder</source>
        <translation>؛ {n} ان باکس کے «imported» فولڈر میں منتقل</translation>
    </message>
    <message>
        <source>Nothing new: HQ already had every record in them ({n}), as sent before.</source>
        <translation>کچھ نیا نہیں: ان کا ہر ریکارڈ ({n}) ہیڈکوارٹر کے پاس پہلے سے تھا، جیسا پہلے بھیجا گیا۔</translation>
    </message>
    <message>
        <source>{received} in them: {accepted} accepted, {up_to_date} already up to date at HQ, {conflicts}, {quarantined} quarantined.</source>
        <translation>ان میں {received}: {accepted} قبول، {up_to_date} ہیڈکوارٹر میں پہلے سے تازہ، {conflicts}، {quarantined} قرنطینہ میں۔</translation>
    </message>
    <message>
        <source>{n} conflict to review</source>
        <translation>جائزے کے لیے {n} تنازع</translation>
    </message>
    <message>
        <source>{n} conflicts to review</source>
        <translation>جائزے کے لیے {n} تنازعات</translation>
    </message>
    <message>
        <source>The audit log of {n} went backwards or forked: see the list, and call the district.</source>
        <translation>‏{n} کا آڈٹ لاگ پیچھے گیا یا اس کی شاخ بنی: فہرست دیکھیں اور ضلع سے رابطہ کریں۔</translation>
    </message>
    <message>
        <source>Already up to date at HQ: {n} (sent before, or HQ holds a later version). They change nothing and need nothing from you.</source>
        <translation>ہیڈکوارٹر میں پہلے سے تازہ: {n} (پہلے بھیجے گئے، یا ہیڈکوارٹر کے پاس بعد کا ورژن ہے)۔ ان سے کچھ تبدیل نہیں ہوتا اور آپ کو کچھ کرنے کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <source>Audit log went backwards</source>
        <translation>آڈٹ لاگ پیچھے گیا</translation>
    </message>
    <message>
        <source>Audit log forked</source>
        <translation>آڈٹ لاگ کی شاخ بنی</translation>
    </message>
    <message>
        <source>{district}, bundle {seq}</source>
        <translation>‏{district}، بنڈل {seq}</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>پہلے درآمد شدہ</translation>
    </message>
    <message>
        <source>the same file again; nothing changed</source>
        <translation>وہی فائل دوبارہ؛ کچھ تبدیل نہیں ہوا</translation>
    </message>
    <message>
        <source>{message}. The records were imported; the district&apos;s audit trail can no longer be trusted: call the district (restored from a backup, or copied?) and see the Devices tab.</source>
        <translation>‏{message}۔ ریکارڈ درآمد کر لیے گئے؛ ضلع کے آڈٹ ریکارڈ پر اب بھروسا نہیں کیا جا سکتا: ضلع سے رابطہ کریں (کیا بیک اپ سے بحال کیا گیا یا نقل کیا گیا؟) اور ڈیوائسز کا ٹیب دیکھیں۔</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>تنازع</translation>
    </message>
    <message>
        <source>held for review on the Conflicts tab</source>
        <translation>«تنازعات» ٹیب پر جائزے کے لیے روکا گیا</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>قرنطینہ میں</translation>
    </message>
    <message>
        <source>Missing bundles</source>
        <translation>غائب بنڈل</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>مسترد</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Set up TIPDesk on this computer</source>
        <translation>اس کمپیوٹر پر TIPDesk قائم کریں</translation>
    </message>
    <message>
        <source>TIPDesk keeps its records encrypted on this computer. First, say what kind of office this is.</source>
        <translation>‏TIPDesk اپنے ریکارڈ اس کمپیوٹر پر خفیہ (انکرپٹڈ) حالت میں رکھتا ہے۔ پہلے بتائیں کہ یہ کس قسم کا دفتر ہے۔</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>A district office</source>
        <translation>ضلعی دفتر</translation>
    </message>
    <message>
        <source>Headquarters (HQ)</source>
        <translation>ہیڈکوارٹر (HQ)</translation>
    </message>
    <message>
        <source>An FIA circle, a police station or a provincial department that records its own cases, victims, training and campaigns and sends them to HQ.</source>
        <translation>‏FIA سرکل، پولیس اسٹیشن یا صوبائی محکمہ جو اپنے مقدمات، متاثرین، تربیت اور مہمات درج کر کے ہیڈکوارٹر کو بھیجتا ہے۔</translation>
    </message>
    <message>
        <source>Receives the districts&apos; data and prepares the national figures.</source>
        <translation>اضلاع کا ڈیٹا وصول کرتا ہے اور قومی اعداد و شمار تیار کرتا ہے۔</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>ڈیٹا فولڈر: {folder}</translation>
    </message>
</context>
<context>
    <name>LanguageCard</name>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>The language of your own screens, menus and messages. Records keep the language they were written in.</source>
        <translation>آپ کی اپنی اسکرینوں، مینیو اور پیغامات کی زبان۔ ریکارڈ اسی زبان میں رہتے ہیں جس میں لکھے گئے۔</translation>
    </message>
</context>
<context>
    <name>LetterheadCard</name>
    <message>
        <source>Letterhead</source>
        <translation>لیٹر ہیڈ</translation>
    </message>
    <message>
        <source>Printed at the top of case summaries, referral letters and cause lists, with the officer who signs them.</source>
        <translation>مقدمے کے خلاصوں، ریفرل خطوط اور کاز لسٹوں کے اوپر، دستخط کرنے والے افسر کے ساتھ پرنٹ ہوتا ہے۔</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>ٹیلی فون</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ای میل</translation>
    </message>
    <message>
        <source>Signing officer</source>
        <translation>دستخط کنندہ افسر</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>عہدہ</translation>
    </message>
    <message>
        <source>Save letterhead</source>
        <translation>لیٹر ہیڈ محفوظ کریں</translation>
    </message>
    <message>
        <source>The letterhead was saved.</source>
        <translation>لیٹر ہیڈ محفوظ ہو گیا۔</translation>
    </message>
</context>
<context>
    <name>LinkedCasesPanel</name>
    <message>
        <source>CNIC</source>
        <translation>‏CNIC</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>اضلاع</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>District of the case</source>
        <translation>مقدمے کا ضلع</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>{people} accused CNICs appear in cases of more than one district ({cases} cases). Networks cross district lines: tell the districts concerned.</source>
        <translation>ملزمان کے {people} CNIC ایک سے زیادہ اضلاع کے مقدمات میں آتے ہیں ({cases} مقدمات)۔ گروہ ضلعی حدود پار کرتے ہیں: متعلقہ اضلاع کو آگاہ کریں۔</translation>
    </message>
    <message>
        <source>No accused CNIC appears in cases of more than one district.</source>
        <translation>کسی ملزم کا CNIC ایک سے زیادہ اضلاع کے مقدمات میں نہیں آتا۔</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Headquarters</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>TIPDesk — {place}</source>
        <translation>‏TIPDesk — {place}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>مقفل کریں</translation>
    </message>
    <message>
        <source>Lock TIPDesk now (Ctrl+L)</source>
        <translation>‏TIPDesk ابھی مقفل کریں (Ctrl+L)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>The user guide, at the part about this screen (F1)</source>
        <translation>صارف رہنما، اس اسکرین سے متعلق حصہ (F1)</translation>
    </message>
    <message>
        <source>Signed in: {user}</source>
        <translation>سائن اِن: {user}</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>کردار: {role}</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <source>New</source>
        <translation>نیا</translation>
    </message>
    <message>
        <source>The break is recorded in the audit log; changes can be saved again.</source>
        <translation>ٹوٹ آڈٹ لاگ میں درج ہو گیا؛ تبدیلیاں دوبارہ محفوظ کی جا سکتی ہیں۔</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <source>Locked with unsaved changes: unlock to close TIPDesk.</source>
        <translation>غیر محفوظ تبدیلیوں کے ساتھ مقفل: TIPDesk بند کرنے کے لیے کھولیں۔</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>How the columns were read</source>
        <translation>کالم کیسے پڑھے گئے</translation>
    </message>
    <message>
        <source>Columns are matched by their header (the register&apos;s names and the headers offices use), in any order; give the others a column below, or leave them ignored.</source>
        <translation>کالم اپنے عنوان سے ملائے جاتے ہیں (رجسٹر کے نام اور دفاتر کے استعمال کردہ عنوانات)، کسی بھی ترتیب میں؛ باقی کو نیچے کوئی کالم دیں، یا نظرانداز رہنے دیں۔</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>شیٹ</translation>
    </message>
    <message>
        <source>Column found</source>
        <translation>ملا ہوا کالم</translation>
    </message>
    <message>
        <source>Register field</source>
        <translation>رجسٹر کا خانہ</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>استعمال</translation>
    </message>
    <message>
        <source>Headers TIPDesk did not recognise</source>
        <translation>وہ عنوانات جو TIPDesk نہیں پہچان سکا</translation>
    </message>
    <message>
        <source>Say which register column each holds, or leave it ignored; the file is checked again.</source>
        <translation>بتائیں کہ ہر ایک میں رجسٹر کا کون سا کالم ہے، یا اسے نظرانداز رہنے دیں؛ فائل کی دوبارہ جانچ ہو گی۔</translation>
    </message>
    <message>
        <source>Offices this install does not know</source>
        <translation>وہ دفاتر جنہیں یہ تنصیب نہیں جانتی</translation>
    </message>
    <message>
        <source>Map each to one of this install&apos;s offices, or add the office in Settings.</source>
        <translation>ہر ایک کو اس تنصیب کے کسی دفتر سے ملائیں، یا «ترتیبات» میں دفتر شامل کریں۔</translation>
    </message>
    <message>
        <source>read</source>
        <translation>پڑھا گیا</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>نظرانداز</translation>
    </message>
    <message>
        <source>not a column</source>
        <translation>کالم نہیں</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Departments named without their province, taken as the district&apos;s:</source>
        <translation>وہ محکمے جن کا نام صوبے کے بغیر لکھا گیا، ضلع کے صوبے کے سمجھے گئے:</translation>
    </message>
    <message>
        <source>“{written}” in {province} → {name} ({rows} rows)</source>
        <translation>‏«{written}»، {province} میں ← {name} ({rows} قطاریں)</translation>
    </message>
    <message>
        <source>(not mapped: its rows are not imported)</source>
        <translation>(ملایا نہیں گیا: اس کی قطاریں درآمد نہیں ہوں گی)</translation>
    </message>
    <message>
        <source>{name} ({rows} rows)</source>
        <translation>‏{name} ({rows} قطاریں)</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(نظرانداز)</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>Select a conflict to review it.</source>
        <translation>جائزے کے لیے کوئی تنازع منتخب کریں۔</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>The same in both versions</source>
        <translation>دونوں ورژنز میں یکساں</translation>
    </message>
    <message>
        <source>Keep HQ&apos;s</source>
        <translation>ہیڈکوارٹر کا رکھیں</translation>
    </message>
    <message>
        <source>Keep the district&apos;s</source>
        <translation>ضلع کا رکھیں</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>برقرار</translation>
    </message>
    <message>
        <source>will be discarded</source>
        <translation>ترک کر دیا جائے گا</translation>
    </message>
</context>
<context>
    <name>OfficeCombo</name>
    <message>
        <source>Choose an FIA circle or type the office&apos;s name</source>
        <translation>‏FIA سرکل منتخب کریں یا دفتر کا نام لکھیں</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your district and office</source>
        <translation>آپ کا ضلع اور دفتر</translation>
    </message>
    <message>
        <source>Records you create are registered to this office. More offices can be added later under Settings.</source>
        <translation>آپ کے بنائے ہوئے ریکارڈ اس دفتر کے نام درج ہوں گے۔ مزید دفاتر بعد میں «ترتیبات» میں شامل کیے جا سکتے ہیں۔</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Pick your FIA circle from the list, or type the name of your police station or department.</source>
        <translation>فہرست سے اپنا FIA سرکل منتخب کریں، یا اپنے پولیس اسٹیشن یا محکمے کا نام لکھیں۔</translation>
    </message>
</context>
<context>
    <name>OfficesModel</name>
    <message>
        <source>FIA circle</source>
        <translation>‏FIA سرکل</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>پولیس اسٹیشن</translation>
    </message>
    <message>
        <source>Other office</source>
        <translation>دیگر دفتر</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Ready to create the store</source>
        <translation>اسٹور بنانے کے لیے تیار</translation>
    </message>
    <message>
        <source>Check the summary, then press Create. TIPDesk then shows the recovery key once.</source>
        <translation>خلاصہ دیکھیں، پھر «بنائیں» دبائیں۔ اس کے بعد TIPDesk ریکوری کلید ایک بار دکھائے گا۔</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>بنائیں</translation>
    </message>
    <message>
        <source>Enrolment with HQ</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج</translation>
    </message>
    <message>
        <source>Where HQ keeps the records it imports</source>
        <translation>ہیڈکوارٹر درآمد شدہ ریکارڈ کہاں رکھتا ہے</translation>
    </message>
    <message>
        <source>Fill with demo data (training installs only)</source>
        <translation>نمونے کے ڈیٹا سے بھریں (صرف تربیتی تنصیبات)</translation>
    </message>
    <message>
        <source>Adds synthetic cases, victims, training sessions and campaigns so that officers can practise. Never tick this on an office&apos;s real install.</source>
        <translation>نمونے کے (فرضی) مقدمات، متاثرین، تربیتی نشستیں اور مہمات شامل کرتا ہے تاکہ افسران مشق کر سکیں۔ کسی دفتر کی اصل تنصیب پر اسے کبھی منتخب نہ کریں۔</translation>
    </message>
    <message>
        <source>Synthetic records only: every name and number is invented.</source>
        <translation>صرف فرضی ریکارڈ: ہر نام اور نمبر من گھڑت ہے۔</translation>
    </message>
    <message>
        <source>HQ&apos;s enrolment file (optional)</source>
        <translation>ہیڈکوارٹر کی اندراج فائل (اختیاری)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <source>Optional: the file HQ gives each district. It can also be installed later.</source>
        <translation>اختیاری: وہ فائل جو ہیڈکوارٹر ہر ضلع کو دیتا ہے۔ اسے بعد میں بھی نصب کیا جا سکتا ہے۔</translation>
    </message>
    <message>
        <source>Kind: {kind}</source>
        <translation>قسم: {kind}</translation>
    </message>
    <message>
        <source>district office</source>
        <translation>ضلعی دفتر</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>District: {d}</source>
        <translation>ضلع: {d}</translation>
    </message>
    <message>
        <source>Office: {o}</source>
        <translation>دفتر: {o}</translation>
    </message>
    <message>
        <source>Administrator: {u}</source>
        <translation>منتظم: {u}</translation>
    </message>
    <message>
        <source>Data folder: {f}</source>
        <translation>ڈیٹا فولڈر: {f}</translation>
    </message>
    <message>
        <source>HQ&apos;s enrolment file</source>
        <translation>ہیڈکوارٹر کی اندراج فائل</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>HQ device {device}. Fingerprint: {fingerprint}. Check it with HQ (by phone) before you press Create.</source>
        <translation>ہیڈکوارٹر ڈیوائس {device}۔ فنگر پرنٹ: {fingerprint}۔ «بنائیں» دبانے سے پہلے ہیڈکوارٹر سے (فون پر) اس کی تصدیق کریں۔</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>What happened at the hearing</source>
        <translation>پیشی پر کیا ہوا</translation>
    </message>
    <message>
        <source>{what}, case {case}, {date}, {court}</source>
        <translation>‏{what}، مقدمہ {case}، {date}، {court}</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>اگلی تاریخ</translation>
    </message>
    <message>
        <source>Next hearing for</source>
        <translation>اگلی پیشی برائے</translation>
    </message>
    <message>
        <source>Next hearing in</source>
        <translation>اگلی پیشی بمقام</translation>
    </message>
    <message>
        <source>Leave the next date empty when the court gave none (a judgment).</source>
        <translation>اگر عدالت نے کوئی تاریخ نہیں دی (فیصلہ) تو اگلی تاریخ خالی چھوڑ دیں۔</translation>
    </message>
</context>
<context>
    <name>OverdueNotice</name>
    <message>
        <source>{n} overdue in the diary: hearings not yet recorded and deadlines passed. The latest:</source>
        <translation>ڈائری میں {n} تاخیر شدہ: پیشیاں جو ابھی درج نہیں ہوئیں اور گزری ہوئی آخری تاریخیں۔ تازہ ترین:</translation>
    </message>
    <message>
        <source>Open the diary</source>
        <translation>ڈائری کھولیں</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>ہٹائیں</translation>
    </message>
</context>
<context>
    <name>OwnerBanner</name>
    <message>
        <source>Read only: this record belongs to {owner}. This install changes {own}&apos;s records only; {owner}&apos;s office (or HQ) keeps it up to date, and its changes reach you through HQ.</source>
        <translation>صرف پڑھنے کے لیے: یہ ریکارڈ {owner} کا ہے۔ یہ تنصیب صرف {own} کے ریکارڈ تبدیل کرتی ہے؛ {owner} کا دفتر (یا ہیڈکوارٹر) اسے تازہ رکھتا ہے، اور اس کی تبدیلیاں ہیڈکوارٹر کے ذریعے آپ تک پہنچتی ہیں۔</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>At least 10 characters; a few words work well</source>
        <translation>کم از کم 10 حروف؛ چند الفاظ اچھا کام کرتے ہیں</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>دوبارہ لکھیں</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>پاس فریز</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>پاس فریز کی تصدیق</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>دونوں پاس فریز مختلف ہیں۔</translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation>بہت کمزور</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase is stronger</source>
        <translation>مناسب: لمبا پاس فریز زیادہ مضبوط ہوتا ہے</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>مضبوط</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>Last 30 days</source>
        <translation>گزشتہ 30 دن</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>گزشتہ 12 ماہ</translation>
    </message>
    <message>
        <source>This year ({year})</source>
        <translation>رواں سال ({year})</translation>
    </message>
    <message>
        <source>Last year ({year})</source>
        <translation>گزشتہ سال ({year})</translation>
    </message>
    <message>
        <source>From… to…</source>
        <translation>از… تا…</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>کوئی بھی وقت</translation>
    </message>
    <message>
        <source>Period (by the record&apos;s main date)</source>
        <translation>مدت (ریکارڈ کی بنیادی تاریخ کے مطابق)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
</context>
<context>
    <name>PrintoutDialog</name>
    <message>
        <source>{title}: {n} page(s). Print it, or save it as a PDF file.</source>
        <translation>‏{title}: {n} صفحہ/صفحات۔ اسے پرنٹ کریں، یا PDF فائل کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>صفحہ {n}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Print on paper (Ctrl+P)</source>
        <translation>کاغذ پر پرنٹ کریں (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>‏PDF کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save a copy as a PDF file (Ctrl+S)</source>
        <translation>‏PDF فائل کے طور پر نقل محفوظ کریں (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was printed.</source>
        <translation>پرنٹر شروع نہ ہو سکا؛ کچھ پرنٹ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>‏{n} صفحہ/صفحات پرنٹر کو بھیجے گئے۔</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>‏PDF کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>‏PDF دستاویزات (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>‏{path} میں محفوظ کیا گیا۔</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>Problems in the register</source>
        <translation>رجسٹر میں مسائل</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>شیٹ</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>قطار</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>کالم</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>قدر</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>متوقع</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>صرف درست قطاریں درآمد کریں</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>غلطی</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>انتباہ</translation>
    </message>
    <message>
        <source>No problems: all {rows} rows can be imported.</source>
        <translation>کوئی مسئلہ نہیں: تمام {rows} قطاریں درآمد کی جا سکتی ہیں۔</translation>
    </message>
    <message>
        <source>{errors} errors and {warnings} warnings. {valid} of {rows} rows can be imported.</source>
        <translation>‏{errors} غلطیاں اور {warnings} انتباہات۔ {rows} میں سے {valid} قطاریں درآمد کی جا سکتی ہیں۔</translation>
    </message>
    <message>
        <source>Rows with errors are left out and the others imported; untick the box to import nothing until the register is corrected.</source>
        <translation>غلطیوں والی قطاریں چھوڑ دی جاتی ہیں اور باقی درآمد ہوتی ہیں؛ رجسٹر درست ہونے تک کچھ بھی درآمد نہ کرنے کے لیے نشان ہٹا دیں۔</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Cancelling… (the step under way finishes first)</source>
        <translation>منسوخ ہو رہا ہے… (جاری مرحلہ پہلے مکمل ہو گا)</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>سب منتخب کریں</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>اوپر</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>نیچے</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>کاٹیں</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>نقل کریں</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>چسپاں کریں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>سب منتخب کریں</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>تفصیلات دکھائیں…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>تفصیلات چھپائیں…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>سب محفوظ کریں</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ترک کریں</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>دوبارہ ترتیب دیں</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ابتدائی ترتیبات بحال کریں</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>نظرانداز کریں</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation>پرنٹ کا پیش منظر</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>پرنٹ کریں</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>صفحے کی ترتیب</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>صفحے کی ترتیب</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>‏PDF میں برآمد کریں</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>پہلا صفحہ</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>پچھلا صفحہ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>اگلا صفحہ</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>آخری صفحہ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>چوڑائی کے مطابق</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>صفحے کے مطابق</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بڑا کریں</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>چھوٹا کریں</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>عمودی</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>افقی</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>ایک صفحہ دکھائیں</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>آمنے سامنے صفحات دکھائیں</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>تمام صفحات کا جائزہ دکھائیں</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>کاٹیں</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>نقل کریں</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>چسپاں کریں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>سب منتخب کریں</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>ربط کا پتہ نقل کریں</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>پیچھے &gt;</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&lt; اگلا</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>اگلا</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>مکمل کریں</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>تصدیق کریں</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>جاری رکھیں</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>واپس جائیں</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مدد</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>e.g. court order 12/2025, hearing on 3 June</source>
        <translation>مثلاً عدالتی حکم 12/2025، 3 جون کی پیشی</translation>
    </message>
    <message>
        <source>At least a few words.</source>
        <translation>کم از کم چند الفاظ۔</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the audit log):</source>
        <translation>وجہ (آڈٹ لاگ میں محفوظ ہو گی):</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Loading…</source>
        <translation>لوڈ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>New record: not saved yet</source>
        <translation>نیا ریکارڈ: ابھی محفوظ نہیں ہوا</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>حذف کریں…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Close this record (Esc)</source>
        <translation>یہ ریکارڈ بند کریں (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Save this record (Ctrl+S)</source>
        <translation>یہ ریکارڈ محفوظ کریں (Ctrl+S)</translation>
    </message>
    <message>
        <source>Could not be opened</source>
        <translation>کھولا نہ جا سکا</translation>
    </message>
    <message>
        <source>Version {version}, last saved {at} by {user}</source>
        <translation>ورژن {version}، آخری بار محفوظ {at} از {user}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>غیر محفوظ تبدیلیاں</translation>
    </message>
    <message>
        <source>Save the changes to {title}?</source>
        <translation>‏{title} میں تبدیلیاں محفوظ کریں؟</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>اگر آپ محفوظ نہیں کریں گے تو آپ کی تبدیلیاں ضائع ہو جائیں گی۔</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>محفوظ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>‏{time} پر محفوظ ہوا</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>محفوظ نہیں ہوا</translation>
    </message>
    <message>
        <source>Not saved. Please correct this:</source>
        <translation>محفوظ نہیں ہوا۔ براہِ کرم یہ درست کریں:</translation>
    </message>
    <message>
        <source>Not saved. Please correct these {n} things:</source>
        <translation>محفوظ نہیں ہوا۔ براہِ کرم یہ {n} باتیں درست کریں:</translation>
    </message>
    <message>
        <source>Not saved: see the problems above</source>
        <translation>محفوظ نہیں ہوا: اوپر دیے گئے مسائل دیکھیں</translation>
    </message>
    <message>
        <source>Saved. Please check this:</source>
        <translation>محفوظ ہو گیا۔ براہِ کرم یہ دیکھ لیں:</translation>
    </message>
    <message>
        <source>Saved. Please check these {n} things:</source>
        <translation>محفوظ ہو گیا۔ براہِ کرم یہ {n} باتیں دیکھ لیں:</translation>
    </message>
    <message>
        <source>Restored at {time}</source>
        <translation>‏{time} پر بحال ہوا</translation>
    </message>
    <message>
        <source>Delete {title}</source>
        <translation>‏{title} حذف کریں</translation>
    </message>
    <message>
        <source>The record is marked deleted: it disappears from lists and figures, and the deletion is sent to HQ. Give the reason (it is written to the audit log).</source>
        <translation>ریکارڈ حذف شدہ نشان زد ہو جاتا ہے: یہ فہرستوں اور اعداد و شمار سے ہٹ جاتا ہے، اور حذف کی اطلاع ہیڈکوارٹر کو بھیجی جاتی ہے۔ وجہ لکھیں (یہ آڈٹ لاگ میں لکھی جائے گی)۔</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Every problem is fixed: save when ready (Ctrl+S)</source>
        <translation>ہر مسئلہ درست ہو گیا: تیار ہوں تو محفوظ کریں (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Print the case summary of the saved case</source>
        <translation>محفوظ شدہ مقدمے کا خلاصہ پرنٹ کریں</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>مقدمے کا خلاصہ</translation>
    </message>
    <message>
        <source>Case summary with victims&apos; names…</source>
        <translation>متاثرین کے ناموں کے ساتھ مقدمے کا خلاصہ…</translation>
    </message>
    <message>
        <source>Victims&apos; names on the printout</source>
        <translation>پرنٹ پر متاثرین کے نام</translation>
    </message>
    <message>
        <source>Why must the victims&apos; names be on this printout? The reason is kept in the audit log.</source>
        <translation>اس پرنٹ پر متاثرین کے نام کیوں ضروری ہیں؟ وجہ آڈٹ لاگ میں محفوظ رہتی ہے۔</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>پرنٹ کریں</translation>
    </message>
    <message>
        <source>Referral letter…</source>
        <translation>ریفرل خط…</translation>
    </message>
    <message>
        <source>A letter referring the saved victim to a service</source>
        <translation>محفوظ شدہ متاثرہ کو کسی سروس کے حوالے کرنے کا خط</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Matched</source>
        <translation>مطابق</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <source>Count all</source>
        <translation>سب گنیں</translation>
    </message>
    <message>
        <source>Count every record of the list (may take a few seconds)</source>
        <translation>فہرست کا ہر ریکارڈ گنیں (چند سیکنڈ لگ سکتے ہیں)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>برآمد کریں…</translation>
    </message>
    <message>
        <source>Write this list, as searched and filtered, to an Excel workbook</source>
        <translation>یہ فہرست، تلاش اور فلٹر کے مطابق، Excel ورک بک میں لکھیں</translation>
    </message>
    <message>
        <source>Going to the end of the list…</source>
        <translation>فہرست کے آخر تک جا رہے ہیں…</translation>
    </message>
    <message>
        <source>The list cannot be sorted by “{column}”.</source>
        <translation>فہرست «{column}» کے لحاظ سے ترتیب نہیں دی جا سکتی۔</translation>
    </message>
    <message>
        <source>Nothing matches the search and filters.</source>
        <translation>تلاش اور فلٹرز سے کچھ مطابقت نہیں رکھتا۔</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>گنتی ہو رہی ہے…</translation>
    </message>
    <message>
        <source>More than {text}</source>
        <translation>‏{text} سے زیادہ</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>فہرست برآمد کریں</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>‏Excel ورک بک (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the list to {name}…</source>
        <translation>فہرست {name} میں لکھی جا رہی ہے…</translation>
    </message>
    <message>
        <source>{n} rows written to {name}.</source>
        <translation>‏{n} قطاریں {name} میں لکھی گئیں۔</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Start a new record (Ctrl+N)</source>
        <translation>نیا ریکارڈ شروع کریں (Ctrl+N)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>فہرست</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>کوئی بھی ضلع</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>غیر محفوظ تبدیلیاں</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The new recovery key</source>
        <translation>نئی ریکوری کلید</translation>
    </message>
    <message>
        <source>Your new recovery key</source>
        <translation>آپ کی نئی ریکوری کلید</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مکمل</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>Anyone who holds this key can open every record, including victims&apos; identities. Write it down or save it to a USB stick, and keep it in a locked place, away from this computer.</source>
        <translation>جس کے پاس یہ کلید ہو وہ ہر ریکارڈ کھول سکتا ہے، بشمول متاثرین کی شناخت۔ اسے لکھ لیں یا USB اسٹک پر محفوظ کریں، اور اس کمپیوٹر سے دور کسی مقفل جگہ رکھیں۔</translation>
    </message>
    <message>
        <source>I have written down or saved the recovery key</source>
        <translation>میں نے ریکوری کلید لکھ لی یا محفوظ کر لی ہے</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>فائل میں محفوظ کریں…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>ریکوری کلید محفوظ کریں</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>ٹیکسٹ فائلیں (*.txt)</translation>
    </message>
    <message>
        <source>Saved to {path}. This file is as sensitive as the records themselves: move it to a USB stick kept in a locked place and delete it from this computer.</source>
        <translation>‏{path} میں محفوظ کیا گیا۔ یہ فائل خود ریکارڈ جتنی حساس ہے: اسے کسی مقفل جگہ رکھی USB اسٹک پر منتقل کریں اور اس کمپیوٹر سے حذف کر دیں۔</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>ریکوری کلید پرنٹ کریں</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>آپ کی ریکوری کلید</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, this key is the only way into the records. It is shown only now.</source>
        <translation>اگر ہر پاس فریز بھول جائے تو ریکارڈ تک پہنچنے کا واحد راستہ یہی کلید ہے۔ یہ صرف ابھی دکھائی جا رہی ہے۔</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>Referral</source>
        <translation>ریفرل</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>فراہم کنندہ</translation>
    </message>
    <message>
        <source>e.g. Dar-ul-Aman Lahore</source>
        <translation>مثلاً دارالامان لاہور</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>ریفرل کی تاریخ</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>نتیجے کی تاریخ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
</context>
<context>
    <name>ReferralLetterDialog</name>
    <message>
        <source>Referral letter</source>
        <translation>ریفرل خط</translation>
    </message>
    <message>
        <source>A letter referring the victim to a service</source>
        <translation>متاثرہ کو کسی سروس کے حوالے کرنے کا خط</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>Print the victim&apos;s name and father&apos;s name</source>
        <translation>متاثرہ کا نام اور ولدیت پرنٹ کریں</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>کیوں (آڈٹ لاگ میں محفوظ)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Without the name, the letter leaves a line to fill in by hand.</source>
        <translation>نام کے بغیر خط میں ہاتھ سے بھرنے کے لیے ایک سطر چھوڑی جاتی ہے۔</translation>
    </message>
    <message>
        <source>Show letter</source>
        <translation>خط دکھائیں</translation>
    </message>
</context>
<context>
    <name>RegisterImportWizard</name>
    <message>
        <source>Import a register</source>
        <translation>رجسٹر درآمد کریں</translation>
    </message>
    <message>
        <source>{rows} rows read from {file}; {errors} errors. Press Next.</source>
        <translation>‏{file} سے {rows} قطاریں پڑھی گئیں؛ {errors} غلطیاں۔ «اگلا» دبائیں۔</translation>
    </message>
    <message>
        <source>Checking the register</source>
        <translation>رجسٹر کی جانچ</translation>
    </message>
    <message>
        <source>Reading and checking every row…</source>
        <translation>ہر قطار پڑھی اور جانچی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Importing the register</source>
        <translation>رجسٹر کی درآمد</translation>
    </message>
    <message>
        <source>Saving the records…</source>
        <translation>ریکارڈ محفوظ ہو رہے ہیں…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>منسوخ؛ کچھ درآمد نہیں ہوا۔</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Choose a period and an area, then press Build.</source>
        <translation>مدت اور علاقہ منتخب کریں، پھر «تیار کریں» دبائیں۔</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <source>Breakdowns</source>
        <translation>تفصیلی تقسیم</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>چارٹ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>احاطہ</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>مخصوص مدت</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>رواں سال</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>گزشتہ سال</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>گزشتہ سہ ماہی</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>تمام صوبے</translation>
    </message>
    <message>
        <source>Hide small counts below</source>
        <translation>اس سے کم گنتیاں چھپائیں</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برآمد کریں</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>تیار کریں</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>‏JSON</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>‏CSV</translation>
    </message>
    <message>
        <source>XLSX</source>
        <translation>‏XLSX</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>‏PDF</translation>
    </message>
    <message>
        <source>Save the report on screen as {format}</source>
        <translation>اسکرین پر موجود رپورٹ {format} کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>اہم اعداد و شمار</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>بری</translation>
    </message>
    <message>
        <source>Accused persons</source>
        <translation>ملزمان</translation>
    </message>
    <message>
        <source>Accused persons in the period, each counted by its own date.</source>
        <translation>مدت کے دوران ملزمان، ہر ایک اپنی تاریخ کے مطابق شمار۔</translation>
    </message>
    <message>
        <source>Cases registered and accused convicted per month</source>
        <translation>ماہانہ درج شدہ مقدمات اور سزا یافتہ ملزمان</translation>
    </message>
    <message>
        <source>Victims identified by gender and age</source>
        <translation>جنس اور عمر کے لحاظ سے شناخت شدہ متاثرین</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>تمام اضلاع</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>مدت شروع ہونے سے پہلے ختم ہو رہی ہے۔</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>رپورٹ تیار ہو رہی ہے</translation>
    </message>
    <message>
        <source>Counting cases, accused, victims, training and campaigns…</source>
        <translation>مقدمات، ملزمان، متاثرین، تربیت اور مہمات کی گنتی ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>منسوخ۔</translation>
    </message>
    <message>
        <source>{scope}: {start} to {end}, beside {pstart} to {pend}.</source>
        <translation>‏{scope}: {start} تا {end}، بمقابلہ {pstart} تا {pend}۔</translation>
    </message>
    <message>
        <source>Counts below {n} are shown as &lt;{n}; x hides a value that could be worked out.</source>
        <translation>‏{n} سے کم گنتیاں &lt;{n} کے طور پر دکھائی جاتی ہیں؛ x ایسی قدر چھپاتا ہے جس کا حساب لگایا جا سکتا ہو۔</translation>
    </message>
    <message>
        <source>Cases registered</source>
        <translation>درج شدہ مقدمات</translation>
    </message>
    <message>
        <source>Proceeded against</source>
        <translation>جن کے خلاف کارروائی ہوئی</translation>
    </message>
    <message>
        <source>Accused persons through the courts</source>
        <translation>عدالتوں سے گزرنے والے ملزمان</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>Accused convicted</source>
        <translation>سزا یافتہ ملزمان</translation>
    </message>
    <message>
        <source>Child (under 18)</source>
        <translation>بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>بالغ</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>عمر نامعلوم</translation>
    </message>
    <message>
        <source>{n} suppressed values are left out of the charts.</source>
        <translation>‏{n} چھپائی گئی قدریں چارٹس میں شامل نہیں۔</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>‏JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files in a zip (*.zip)</source>
        <translation>‏zip میں CSV فائلیں (*.zip)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>‏Excel ورک بک (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>‏PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>رپورٹ برآمد کریں</translation>
    </message>
    <message>
        <source>Exporting the report</source>
        <translation>رپورٹ برآمد ہو رہی ہے</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>‏{file} لکھی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>‏{file} محفوظ ہو گئی۔</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>Hidden by small-cell suppression</source>
        <translation>چھوٹی گنتیوں کے اخفا کے تحت چھپایا گیا</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>{title} · {scope} · {start} to {end} · generated {at}</source>
        <translation>‏{title} · {scope} · {start} تا {end} · تیار کردہ {at}</translation>
    </message>
    <message>
        <source>TIPDesk national report</source>
        <translation>‏TIPDesk قومی رپورٹ</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>دائرہ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>موازنہ بمقابلہ</translation>
    </message>
    <message>
        <source>Generated at</source>
        <translation>تیاری کا وقت</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>احاطہ</translation>
    </message>
    <message>
        <source>Small-cell suppression</source>
        <translation>چھوٹے اعداد کا اخفا</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>Human trafficking: cases, prosecutions, victims, training and awareness</source>
        <translation>انسانی اسمگلنگ: مقدمات، استغاثہ، متاثرین، تربیت اور آگاہی</translation>
    </message>
    <message>
        <source>Each figure is counted by its own event date (registration, date proceeded against, judgment, identification, session end, campaign start); the definitions are on the last page of this report. Deleted records never count.</source>
        <translation>ہر عدد اپنے واقعے کی تاریخ سے شمار کیا جاتا ہے (اندراج، کارروائی کی تاریخ، فیصلہ، شناخت، نشست کا اختتام، مہم کا آغاز)؛ تعریفات اس رپورٹ کے آخری صفحے پر ہیں۔ حذف شدہ ریکارڈ کبھی شمار نہیں ہوتے۔</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>اہم اعداد و شمار</translation>
    </message>
    <message>
        <source>Change: per cent of the earlier figure for counts; percentage points (pts) for the conviction rate.</source>
        <translation>تبدیلی: تعداد کے لیے سابقہ عدد کا فیصد؛ سزا کی شرح کے لیے فیصدی پوائنٹس (pts)۔</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تبدیلی</translation>
    </message>
    <message>
        <source>Cases registered (probed)</source>
        <translation>درج شدہ مقدمات (زیرِ تفتیش)</translation>
    </message>
    <message>
        <source>Accused proceeded against (challan)</source>
        <translation>ملزمان جن کے خلاف کارروائی ہوئی (چالان)</translation>
    </message>
    <message>
        <source>Accused convicted</source>
        <translation>سزا یافتہ ملزمان</translation>
    </message>
    <message>
        <source>Accused acquitted</source>
        <translation>بری ہونے والے ملزمان</translation>
    </message>
    <message>
        <source>Conviction rate (convicted / (convicted + acquitted))</source>
        <translation>سزا کی شرح (سزا یافتہ / (سزا یافتہ + بری))</translation>
    </message>
    <message>
        <source>Victims identified</source>
        <translation>شناخت شدہ متاثرین</translation>
    </message>
    <message>
        <source>Persons trained</source>
        <translation>تربیت یافتہ افراد</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>تربیتی نشستیں</translation>
    </message>
    <message>
        <source>Awareness campaigns</source>
        <translation>آگاہی مہمات</translation>
    </message>
    <message>
        <source>People reached by campaigns</source>
        <translation>مہمات کے ذریعے جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>By province</source>
        <translation>صوبہ وار</translation>
    </message>
    <message>
        <source>Province code</source>
        <translation>صوبے کا کوڈ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Cases registered</source>
        <translation>درج شدہ مقدمات</translation>
    </message>
    <message>
        <source>Accused proceeded against</source>
        <translation>ملزمان جن کے خلاف کارروائی ہوئی</translation>
    </message>
    <message>
        <source>Conviction rate</source>
        <translation>سزا کی شرح</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>ضلع وار</translation>
    </message>
    <message>
        <source>District code</source>
        <translation>ضلع کا کوڈ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Victims identified by gender</source>
        <translation>شناخت شدہ متاثرین بلحاظ جنس</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>خاتون</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Transgender</source>
        <translation>خواجہ سرا</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>درج نہیں</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>Victims identified by age group (child: under 18)</source>
        <translation>شناخت شدہ متاثرین بلحاظ عمر (بچہ: 18 سال سے کم)</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>عمر کا گروپ</translation>
    </message>
    <message>
        <source>Child (under 18)</source>
        <translation>بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>بالغ</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>عمر نامعلوم</translation>
    </message>
    <message>
        <source>Victims identified by gender and age group</source>
        <translation>شناخت شدہ متاثرین بلحاظ جنس اور عمر</translation>
    </message>
    <message>
        <source>Victims by form of exploitation, gender and age group (SDG 16.2.2)</source>
        <translation>متاثرین بلحاظ نوعیتِ استحصال، جنس اور عمر (SDG 16.2.2)</translation>
    </message>
    <message>
        <source>A victim counts under every form of exploitation recorded: rows can add up to more than the victims identified (shares over people with information).</source>
        <translation>ہر متاثرہ استحصال کی ہر درج شدہ نوعیت میں شمار ہوتا ہے: قطاروں کا مجموعہ شناخت شدہ متاثرین سے زیادہ ہو سکتا ہے (تناسب معلومات رکھنے والے افراد پر)۔</translation>
    </message>
    <message>
        <source>Form of exploitation</source>
        <translation>نوعیتِ استحصال</translation>
    </message>
    <message>
        <source>Female, child (under 18)</source>
        <translation>خاتون، بچی (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Female, adult</source>
        <translation>خاتون، بالغ</translation>
    </message>
    <message>
        <source>Female, age unknown</source>
        <translation>خاتون، عمر نامعلوم</translation>
    </message>
    <message>
        <source>Male, child (under 18)</source>
        <translation>مرد، بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Male, adult</source>
        <translation>مرد، بالغ</translation>
    </message>
    <message>
        <source>Male, age unknown</source>
        <translation>مرد، عمر نامعلوم</translation>
    </message>
    <message>
        <source>Transgender, child (under 18)</source>
        <translation>خواجہ سرا، بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Transgender, adult</source>
        <translation>خواجہ سرا، بالغ</translation>
    </message>
    <message>
        <source>Transgender, age unknown</source>
        <translation>خواجہ سرا، عمر نامعلوم</translation>
    </message>
    <message>
        <source>Not recorded, child (under 18)</source>
        <translation>جنس درج نہیں، بچہ (18 سال سے کم)</translation>
    </message>
    <message>
        <source>Not recorded, adult</source>
        <translation>جنس درج نہیں، بالغ</translation>
    </message>
    <message>
        <source>Not recorded, age unknown</source>
        <translation>جنس درج نہیں، عمر نامعلوم</translation>
    </message>
    <message>
        <source>Victims with this form</source>
        <translation>اس نوعیت کے متاثرین</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <translation>جبری مشقت</translation>
    </message>
    <message>
        <source>Domestic servitude</source>
        <translation>گھریلو غلامی</translation>
    </message>
    <message>
        <source>Forced begging</source>
        <translation>جبری گداگری</translation>
    </message>
    <message>
        <source>Child labour</source>
        <translation>چائلڈ لیبر</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <translation>جبری جرائم</translation>
    </message>
    <message>
        <source>Forced marriage</source>
        <translation>جبری شادی</translation>
    </message>
    <message>
        <source>Organ removal</source>
        <translation>اعضاء نکالنا</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <translation>جنسی استحصال</translation>
    </message>
    <message>
        <source>Victims identified by nationality</source>
        <translation>شناخت شدہ متاثرین بلحاظ قومیت</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>قومیت</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>ملک</translation>
    </message>
    <message>
        <source>Accused by gender: proceeded against (by date proceeded against) and judgments (by judgment date)</source>
        <translation>ملزمان بلحاظ جنس: جن کے خلاف کارروائی ہوئی (کارروائی کی تاریخ سے) اور فیصلے (فیصلے کی تاریخ سے)</translation>
    </message>
    <message>
        <source>Proceeded against</source>
        <translation>جن کے خلاف کارروائی ہوئی</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>بری</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>ڈسچارج</translation>
    </message>
    <message>
        <source>By Act (trafficking in persons, smuggling of migrants): cases registered; accused proceeded against and convicted, and the officials among them</source>
        <translation>بلحاظ ایکٹ (انسانی اسمگلنگ، تارکینِ وطن کی اسمگلنگ): درج شدہ مقدمات؛ ملزمان جن کے خلاف کارروائی ہوئی اور سزا یافتہ، اور ان میں سرکاری اہلکار</translation>
    </message>
    <message>
        <source>Cases by registration date; accused proceeded against by the date proceeded against; convictions by judgment date. Officials: accused whose role is official. TIP Act 2018: Prevention of Trafficking in Persons Act, 2018; PSMA 2018: Prevention of Smuggling of Migrants Act, 2018</source>
        <translation>مقدمات اندراج کی تاریخ سے؛ ملزمان کارروائی کی تاریخ سے؛ سزائیں فیصلے کی تاریخ سے۔ اہلکار: وہ ملزمان جن کا کردار سرکاری اہلکار کا ہے۔ TIP Act 2018: انسدادِ انسانی اسمگلنگ ایکٹ، 2018؛ PSMA 2018: انسدادِ تارکینِ وطن اسمگلنگ ایکٹ، 2018</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>ایکٹ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Officials among them</source>
        <translation>ان میں سرکاری اہلکار</translation>
    </message>
    <message>
        <source>Officials convicted</source>
        <translation>سزا یافتہ اہلکار</translation>
    </message>
    <message>
        <source>TIP Act 2018</source>
        <translation>‏TIP Act 2018</translation>
    </message>
    <message>
        <source>PSMA 2018</source>
        <translation>‏PSMA 2018</translation>
    </message>
    <message>
        <source>Referrals of victims by service and outcome (by referral date)</source>
        <translation>متاثرین کے ریفرلز بلحاظ سروس اور نتیجہ (ریفرل کی تاریخ سے)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Provided</source>
        <translation>فراہم کی گئی</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>انکار</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>دستیاب نہیں</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>پناہ گاہ</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>طبی امداد</translation>
    </message>
    <message>
        <source>Psychosocial support</source>
        <translation>نفسیاتی و سماجی معاونت</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>قانونی امداد</translation>
    </message>
    <message>
        <source>Child protection</source>
        <translation>تحفظِ اطفال</translation>
    </message>
    <message>
        <source>Return and repatriation</source>
        <translation>واپسی اور وطن واپسی</translation>
    </message>
    <message>
        <source>Livelihood support</source>
        <translation>روزگار میں معاونت</translation>
    </message>
    <message>
        <source>Cases registered in the period by stage: alleged involvement of officials and action taken</source>
        <translation>مدت میں درج شدہ مقدمات بلحاظ مرحلہ: اہلکاروں کی مبینہ شمولیت اور کی گئی کارروائی</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>Official involved</source>
        <translation>ملوث اہلکار</translation>
    </message>
    <message>
        <source>Action taken recorded</source>
        <translation>کارروائی درج ہے</translation>
    </message>
    <message>
        <source>No action recorded yet</source>
        <translation>ابھی کوئی کارروائی درج نہیں</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>تفتیش</translation>
    </message>
    <message>
        <source>Challan submitted</source>
        <translation>چالان جمع</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>سماعت</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>فیصلہ شدہ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>Persons trained by agency (by session end date)</source>
        <translation>تربیت یافتہ افراد بلحاظ ادارہ (نشست کے اختتام کی تاریخ سے)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <source>Persons trained by gender (by session end date)</source>
        <translation>تربیت یافتہ افراد بلحاظ جنس (نشست کے اختتام کی تاریخ سے)</translation>
    </message>
    <message>
        <source>Awareness campaigns by organising department (by start date)</source>
        <translation>آگاہی مہمات بلحاظ منتظم محکمہ (آغاز کی تاریخ سے)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>Cases registered and accused convicted by month</source>
        <translation>درج شدہ مقدمات اور سزا یافتہ ملزمان بلحاظ ماہ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>مہینہ</translation>
    </message>
    <message>
        <source>Coverage: which districts&apos; data the figures hold</source>
        <translation>احاطہ: اعداد و شمار میں کن اضلاع کا ڈیٹا شامل ہے</translation>
    </message>
    <message>
        <source>Last record change</source>
        <translation>ریکارڈ میں آخری تبدیلی</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>تازہ</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>تعریفات</translation>
    </message>
    <message>
        <source>Cases (FIR or enquiry) registered in the period, by date of registration.</source>
        <translation>مدت میں درج ہونے والے مقدمات (FIR یا انکوائری)، اندراج کی تاریخ سے۔</translation>
    </message>
    <message>
        <source>Accused persons against whom a challan was submitted in the period, by that date.</source>
        <translation>وہ ملزمان جن کے خلاف مدت میں چالان جمع ہوا، اسی تاریخ سے۔</translation>
    </message>
    <message>
        <source>Accused convicted / acquitted</source>
        <translation>سزا یافتہ / بری ملزمان</translation>
    </message>
    <message>
        <source>Accused persons whose judgment in the period convicted or acquitted them, by judgment date.</source>
        <translation>وہ ملزمان جنہیں مدت میں فیصلے کے ذریعے سزا ہوئی یا بری کیا گیا، فیصلے کی تاریخ سے۔</translation>
    </message>
    <message>
        <source>Convicted divided by (convicted + acquitted) in the period: the share of decided trials ending in conviction. Its change is in percentage points (pts).</source>
        <translation>مدت میں سزا یافتہ تقسیم (سزا یافتہ + بری): فیصلہ شدہ مقدمات میں سزا پر ختم ہونے والوں کا تناسب۔ اس کی تبدیلی فیصدی پوائنٹس (pts) میں ہے۔</translation>
    </message>
    <message>
        <source>Victims identified in the period, by identification date; a child is under 18.</source>
        <translation>مدت میں شناخت ہونے والے متاثرین، شناخت کی تاریخ سے؛ بچہ 18 سال سے کم عمر ہے۔</translation>
    </message>
    <message>
        <source>Participants of training sessions ending in the period (a person trained twice counts twice).</source>
        <translation>مدت میں ختم ہونے والی تربیتی نشستوں کے شرکاء (دو بار تربیت پانے والا شخص دو بار شمار ہوتا ہے)۔</translation>
    </message>
    <message>
        <source>Awareness campaigns, people reached</source>
        <translation>آگاہی مہمات، جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>Campaigns starting in the period and the people they report reaching.</source>
        <translation>مدت میں شروع ہونے والی مہمات اور وہ افراد جن تک پہنچنے کی وہ اطلاع دیتی ہیں۔</translation>
    </message>
    <message>
        <source>Which districts&apos; data the figures hold: at HQ, every district of the reference list, with its registered devices and its last bundle. A district with no device, or whose device never sent data, adds nothing to the figures.</source>
        <translation>اعداد و شمار میں کن اضلاع کا ڈیٹا شامل ہے: HQ پر حوالہ فہرست کا ہر ضلع، اس کے رجسٹرڈ آلات اور آخری بنڈل کے ساتھ۔ جس ضلع کا کوئی آلہ نہیں، یا جس کے آلے نے کبھی ڈیٹا نہیں بھیجا، وہ اعداد و شمار میں کچھ شامل نہیں کرتا۔</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>قرنطینہ</translation>
    </message>
    <message>
        <source>Records a district sent that failed HQ&apos;s checks (for example a police station HQ does not know yet). They are in no figure until they pass.</source>
        <translation>کسی ضلع کے بھیجے گئے وہ ریکارڈ جو HQ کی جانچ میں ناکام رہے (مثلاً ایسا تھانہ جو HQ کو ابھی معلوم نہیں)۔ جانچ میں کامیاب ہونے تک وہ کسی عدد میں شامل نہیں۔</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>صفحہ {n}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>تعارف</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>کچھ نہیں</translation>
    </message>
    <message>
        <source>Stale districts</source>
        <translation>پرانے ڈیٹا والے اضلاع</translation>
    </message>
    <message>
        <source>Registered, never sent data</source>
        <translation>رجسٹرڈ، کبھی ڈیٹا نہیں بھیجا</translation>
    </message>
    <message>
        <source>Held in quarantine</source>
        <translation>قرنطینہ میں روکے گئے</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>شیٹ</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Key (JSON, CSV)</source>
        <translation>کلید (JSON، CSV)</translation>
    </message>
    <message>
        <source>Victims by gender</source>
        <translation>متاثرین بلحاظ جنس</translation>
    </message>
    <message>
        <source>Victims by age group</source>
        <translation>متاثرین بلحاظ عمر</translation>
    </message>
    <message>
        <source>Victims by gender and age</source>
        <translation>جنس اور عمر کے لحاظ سے متاثرین</translation>
    </message>
    <message>
        <source>Victims by form (SDG 16.2.2)</source>
        <translation>متاثرین بلحاظ نوعیت (SDG 16.2.2)</translation>
    </message>
    <message>
        <source>Victims by nationality</source>
        <translation>متاثرین بلحاظ قومیت</translation>
    </message>
    <message>
        <source>Accused by gender and outcome</source>
        <translation>ملزمان بلحاظ جنس اور نتیجہ</translation>
    </message>
    <message>
        <source>By Act</source>
        <translation>قانون وار</translation>
    </message>
    <message>
        <source>Referrals by service</source>
        <translation>ریفرلز بلحاظ سروس</translation>
    </message>
    <message>
        <source>Official involvement</source>
        <translation>سرکاری اہلکار کا ملوث ہونا</translation>
    </message>
    <message>
        <source>Persons trained by agency</source>
        <translation>تربیت یافتہ افراد بلحاظ ادارہ</translation>
    </message>
    <message>
        <source>Persons trained by gender</source>
        <translation>تربیت یافتہ افراد بلحاظ جنس</translation>
    </message>
    <message>
        <source>Campaigns by department</source>
        <translation>مہمات بلحاظ محکمہ</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>ماہانہ</translation>
    </message>
    <message>
        <source>TIPDesk district report</source>
        <translation>‏TIPDesk ضلعی رپورٹ</translation>
    </message>
    <message>
        <source>TIPDesk provincial report</source>
        <translation>‏TIPDesk صوبائی رپورٹ</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>پرانا</translation>
    </message>
    <message>
        <source>Registered, never sent</source>
        <translation>رجسٹر شدہ، کبھی نہیں بھیجا</translation>
    </message>
    <message>
        <source>No device registered</source>
        <translation>کوئی ڈیوائس رجسٹر نہیں</translation>
    </message>
    <message>
        <source>Devices registered</source>
        <translation>رجسٹرڈ آلات</translation>
    </message>
    <message>
        <source>Last bundle received</source>
        <translation>آخری موصول شدہ بنڈل</translation>
    </message>
    <message>
        <source>Held in quarantine at HQ: records not in these figures</source>
        <translation>‏HQ پر قرنطینہ میں روکے گئے: ریکارڈ جو ان اعداد و شمار میں شامل نہیں</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Records held</source>
        <translation>روکے گئے ریکارڈ</translation>
    </message>
    <message>
        <source>No device registered and no data ({n} districts):</source>
        <translation>کوئی آلہ رجسٹرڈ نہیں اور کوئی ڈیٹا نہیں ({n} اضلاع):</translation>
    </message>
    <message>
        <source>Cases registered and accused convicted, by month</source>
        <translation>درج شدہ مقدمات اور سزا یافتہ ملزمان، بلحاظ ماہ</translation>
    </message>
    <message>
        <source>Accused persons through the courts (in the period; each by its own date)</source>
        <translation>عدالتوں میں ملزمان کی پیش رفت (مدت میں؛ ہر ایک اپنی تاریخ سے)</translation>
    </message>
    <message>
        <source>Proceeded against (challan)</source>
        <translation>جن کے خلاف کارروائی ہوئی (چالان)</translation>
    </message>
    <message>
        <source>{n} accused</source>
        <translation>‏{n} ملزمان</translation>
    </message>
    <message>
        <source>{n} suppressed values not drawn</source>
        <translation>‏{n} چھپائی گئی قدریں نہیں دکھائی گئیں</translation>
    </message>
    <message>
        <source>{district} district ({province}), this install&apos;s records</source>
        <translation>ضلع {district} ({province})، اس انسٹال کا ریکارڈ</translation>
    </message>
    <message>
        <source>{district}, this install&apos;s records</source>
        <translation>‏{district}، اس انسٹال کا ریکارڈ</translation>
    </message>
    <message>
        <source>{district} district ({province})</source>
        <translation>ضلع {district} ({province})</translation>
    </message>
    <message>
        <source>{province} province</source>
        <translation>صوبہ {province}</translation>
    </message>
    <message>
        <source>Pakistan (all provinces and districts)</source>
        <translation>پاکستان (تمام صوبے اور اضلاع)</translation>
    </message>
    <message>
        <source>Data from {n} of {total} district</source>
        <translation>‏{total} میں سے {n} ضلع کا ڈیٹا</translation>
    </message>
    <message>
        <source>Data from {n} of {total} districts</source>
        <translation>‏{total} میں سے {n} اضلاع کا ڈیٹا</translation>
    </message>
    <message>
        <source>Data from {n} district (this install&apos;s records)</source>
        <translation>‏{n} ضلع کا ڈیٹا (اس انسٹال کا ریکارڈ)</translation>
    </message>
    <message>
        <source>Data from {n} districts (this install&apos;s records)</source>
        <translation>‏{n} اضلاع کا ڈیٹا (اس انسٹال کا ریکارڈ)</translation>
    </message>
    <message>
        <source>{n} with no device registered</source>
        <translation>‏{n} میں کوئی ڈیوائس رجسٹر نہیں</translation>
    </message>
    <message>
        <source>{n} registered but never sent data</source>
        <translation>‏{n} رجسٹر شدہ مگر کبھی ڈیٹا نہیں بھیجا</translation>
    </message>
    <message>
        <source>{n} stale (nothing newer than {date})</source>
        <translation>‏{n} پرانے ({date} کے بعد کچھ نہیں)</translation>
    </message>
    <message>
        <source>none of those with data is stale (all newer than {date})</source>
        <translation>ڈیٹا والوں میں کوئی پرانا نہیں (سب {date} کے بعد کے)</translation>
    </message>
    <message>
        <source>no data at all</source>
        <translation>کوئی ڈیٹا نہیں</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>{text}.</source>
        <translation>‏{text}۔</translation>
    </message>
    <message>
        <source>Stale: nothing newer than {date} ({days} days before the end of the period).</source>
        <translation>پرانا: {date} کے بعد کچھ نہیں (مدت کے اختتام سے {days} دن پہلے)۔</translation>
    </message>
    <message>
        <source>Source: the bundles HQ received from each district&apos;s registered devices.</source>
        <translation>ماخذ: ہر ضلع کی رجسٹر شدہ ڈیوائسز سے ہیڈکوارٹر کو موصول بنڈل۔</translation>
    </message>
    <message>
        <source>Source: this install&apos;s record changes (HQ&apos;s report uses the bundles it received).</source>
        <translation>ماخذ: اس انسٹال کے ریکارڈ میں تبدیلیاں (ہیڈکوارٹر کی رپورٹ موصول شدہ بنڈل استعمال کرتی ہے)۔</translation>
    </message>
    <message>
        <source>Not in these figures: {records} records received from the districts are held in quarantine at HQ ({kinds}) because they failed HQ&apos;s checks; by district: {places}. They count once the district corrects them or HQ&apos;s reference lists accept them.</source>
        <translation>ان اعداد میں شامل نہیں: اضلاع سے موصول {records} ریکارڈ ہیڈکوارٹر میں قرنطینہ میں رکھے گئے ہیں ({kinds}) کیونکہ وہ ہیڈکوارٹر کی جانچ میں ناکام رہے؛ ضلع وار: {places}۔ ضلع کی درستی یا ہیڈکوارٹر کی حوالہ فہرستوں کی منظوری کے بعد یہ شمار ہوں گے۔</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>January</source>
        <translation>جنوری</translation>
    </message>
    <message>
        <source>February</source>
        <translation>فروری</translation>
    </message>
    <message>
        <source>March</source>
        <translation>مارچ</translation>
    </message>
    <message>
        <source>April</source>
        <translation>اپریل</translation>
    </message>
    <message>
        <source>May</source>
        <translation>مئی</translation>
    </message>
    <message>
        <source>June</source>
        <translation>جون</translation>
    </message>
    <message>
        <source>July</source>
        <translation>جولائی</translation>
    </message>
    <message>
        <source>August</source>
        <translation>اگست</translation>
    </message>
    <message>
        <source>September</source>
        <translation>ستمبر</translation>
    </message>
    <message>
        <source>October</source>
        <translation>اکتوبر</translation>
    </message>
    <message>
        <source>November</source>
        <translation>نومبر</translation>
    </message>
    <message>
        <source>December</source>
        <translation>دسمبر</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>By province</source>
        <translation>صوبہ وار</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>ضلع وار</translation>
    </message>
    <message>
        <source>By Act</source>
        <translation>قانون وار</translation>
    </message>
    <message>
        <source>Victims: form × gender × age</source>
        <translation>متاثرین: قسم × جنس × عمر</translation>
    </message>
    <message>
        <source>Victims: gender × age</source>
        <translation>متاثرین: جنس × عمر</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>قومیت</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Trained by agency</source>
        <translation>ادارہ وار تربیت یافتہ</translation>
    </message>
    <message>
        <source>Trained by gender</source>
        <translation>جنس وار تربیت یافتہ</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Official involvement</source>
        <translation>سرکاری اہلکار کا ملوث ہونا</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>ماہانہ</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>رپورٹس</translation>
    </message>
    <message>
        <source>The national report, linked cases and data quality.</source>
        <translation>قومی رپورٹ، منسلک مقدمات اور ڈیٹا کا معیار۔</translation>
    </message>
    <message>
        <source>This district&apos;s report, linked cases and data quality.</source>
        <translation>اس ضلع کی رپورٹ، منسلک مقدمات اور ڈیٹا کا معیار۔</translation>
    </message>
    <message>
        <source>Your role does not include reports. A district officer, a supervisor or an HQ analyst can build them.</source>
        <translation>آپ کے کردار میں رپورٹس شامل نہیں۔ ضلعی افسر، نگران یا ہیڈکوارٹر کا تجزیہ کار انہیں تیار کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>رپورٹ</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>منسلک مقدمات</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>ڈیٹا کا معیار</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Resolve the conflict</source>
        <translation>تنازع حل کریں</translation>
    </message>
    <message>
        <source>Resolve the conflict on {record}?</source>
        <translation>‏{record} پر تنازع حل کریں؟</translation>
    </message>
    <message>
        <source>HQ&apos;s register will hold the values kept below, and this version goes back to {district} with its next receipt. The values listed as discarded are not kept anywhere: this cannot be undone.</source>
        <translation>ہیڈکوارٹر کے رجسٹر میں نیچے رکھی گئی قدریں ہوں گی، اور یہ ورژن اگلی رسید کے ساتھ {district} کو واپس جائے گا۔ ترک شدہ قدریں کہیں محفوظ نہیں رہتیں: یہ عمل واپس نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>برقرار</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>ترک شدہ</translation>
    </message>
    <message>
        <source>HQ&apos;s</source>
        <translation>ہیڈکوارٹر کی</translation>
    </message>
    <message>
        <source>the district&apos;s</source>
        <translation>ضلع کی</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <source>{value}
({side})</source>
        <translation>‏{value}
({side})</translation>
    </message>
    <message>
        <source>&amp;Resolve and discard</source>
        <translation>حل کریں اور ترک کریں</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>بیک اپ بحال کریں</translation>
    </message>
    <message>
        <source>Backup: {name}</source>
        <translation>بیک اپ: {name}</translation>
    </message>
    <message>
        <source>The records on this computer are replaced by the backup&apos;s. The current store is moved aside into a before-restore folder in the data folder; nothing is deleted.</source>
        <translation>اس کمپیوٹر کے ریکارڈ بیک اپ کے ریکارڈ سے بدل دیے جائیں گے۔ موجودہ اسٹور ڈیٹا فولڈر میں ایک before-restore فولڈر میں منتقل کر دیا جاتا ہے؛ کچھ حذف نہیں ہوتا۔</translation>
    </message>
    <message>
        <source>User of the backup</source>
        <translation>بیک اپ کا صارف</translation>
    </message>
    <message>
        <source>Their passphrase</source>
        <translation>ان کا پاس فریز</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بحال کریں</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>May be victim</source>
        <translation>ممکنہ متاثرہ</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>علامت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>A victim must not be treated as an offender. Look at both records (the case opens with a double click), then say whether they are two different people or the same person. Rows in colour are already proceeded against or convicted: look at them first.</source>
        <translation>متاثرہ کو مجرم نہیں سمجھا جانا چاہیے۔ دونوں ریکارڈ دیکھیں (ڈبل کلک سے مقدمہ کھلتا ہے)، پھر بتائیں کہ یہ دو الگ افراد ہیں یا ایک ہی شخص۔ رنگین قطاروں کے خلاف کارروائی ہو چکی ہے یا سزا ہو چکی ہے: پہلے انہیں دیکھیں۔</translation>
    </message>
    <message>
        <source>Your role does not include the review queue.</source>
        <translation>آپ کے کردار میں جائزے کی قطار شامل نہیں۔</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <source>Accused who may be a victim of the same case (non-criminalisation).</source>
        <translation>وہ ملزمان جو اسی مقدمے کے متاثرہ ہو سکتے ہیں (متاثرین کو مجرم نہ ٹھہرانا)۔</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>جائزہ باقی</translation>
    </message>
    <message>
        <source>All, reviewed too</source>
        <translation>سب، جائزہ شدہ بھی</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>مقدمہ کھولیں</translation>
    </message>
    <message>
        <source>Two different people…</source>
        <translation>دو الگ افراد…</translation>
    </message>
    <message>
        <source>The same person…</source>
        <translation>ایک ہی شخص…</translation>
    </message>
    <message>
        <source>{n} accused to review.</source>
        <translation>جائزے کے لیے {n} ملزم۔</translation>
    </message>
    <message>
        <source>A supervisor reviews them.</source>
        <translation>نگران ان کا جائزہ لیتا ہے۔</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>جائزے کے لیے کچھ نہیں۔</translation>
    </message>
    <message>
        <source>Same CNIC (strong)</source>
        <translation>ایک ہی CNIC (مضبوط)</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>ایک ہی نام</translation>
    </message>
    <message>
        <source>To review: already proceeded against</source>
        <translation>جائزہ باقی: کارروائی ہو چکی ہے</translation>
    </message>
    <message>
        <source>Two people</source>
        <translation>دو افراد</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>ایک ہی شخص</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>جائزہ شدہ</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>ایک نگران</translation>
    </message>
    <message>
        <source>{decision}, by {who}</source>
        <translation>‏{decision}، از {who}</translation>
    </message>
    <message>
        <source>Two different people</source>
        <translation>دو الگ افراد</translation>
    </message>
    <message>
        <source>The accused {accused} of case {case} and victim {victims} are two different people. The accused can then be proceeded against.</source>
        <translation>مقدمہ {case} کا ملزم {accused} اور متاثرہ {victims} دو الگ افراد ہیں۔ اس کے بعد ملزم کے خلاف کارروائی ہو سکتی ہے۔</translation>
    </message>
    <message>
        <source>The same person</source>
        <translation>ایک ہی شخص</translation>
    </message>
    <message>
        <source>The accused {accused} of case {case} is victim {victims}. Recording this review lets the case proceed against them: make sure that is right for someone who is also a victim (non-criminalisation).</source>
        <translation>مقدمہ {case} کا ملزم {accused} ہی متاثرہ {victims} ہے۔ یہ جائزہ درج کرنے سے مقدمے میں اس کے خلاف کارروائی ممکن ہو جاتی ہے: یقین کر لیں کہ ایسے شخص کے لیے جو متاثرہ بھی ہے یہ درست ہے (متاثرین کو مجرم نہ ٹھہرانا)۔</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>جائزہ درج کریں</translation>
    </message>
    <message>
        <source>e.g. different father&apos;s name and CNIC, checked with the IO</source>
        <translation>مثلاً ولدیت اور CNIC مختلف ہیں، تفتیشی افسر سے تصدیق کی گئی</translation>
    </message>
    <message>
        <source>Review recorded.</source>
        <translation>جائزہ درج کر دیا گیا۔</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>District officer</source>
        <translation>ضلعی افسر</translation>
    </message>
    <message>
        <source>District supervisor</source>
        <translation>ضلعی نگران</translation>
    </message>
    <message>
        <source>District admin</source>
        <translation>ضلعی منتظم</translation>
    </message>
    <message>
        <source>HQ analyst</source>
        <translation>ہیڈکوارٹر تجزیہ کار</translation>
    </message>
    <message>
        <source>HQ admin</source>
        <translation>ہیڈکوارٹر منتظم</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Restore</source>
        <translation>بحال کریں</translation>
    </message>
    <message>
        <source>The backup is restored. This laptop is now a new sync device: before HQ accepts its bundles, write its device file (Sync &gt; Device file for HQ…) and send it to HQ to register.</source>
        <translation>بیک اپ بحال ہو گیا۔ یہ لیپ ٹاپ اب ایک نئی سنک ڈیوائس ہے: ہیڈکوارٹر اس کے بنڈل قبول کرے، اس سے پہلے اس کی ڈیوائس فائل لکھیں (سنک &gt; ہیڈکوارٹر کے لیے ڈیوائس فائل…) اور رجسٹریشن کے لیے ہیڈکوارٹر کو بھیجیں۔</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <source>This install&apos;s security, offices, backups and details.</source>
        <translation>اس تنصیب کی سکیورٹی، دفاتر، بیک اپ اور تفصیلات۔</translation>
    </message>
    <message>
        <source>Automatic lock</source>
        <translation>خودکار قفل</translation>
    </message>
    <message>
        <source>Lock TIPDesk after</source>
        <translation>‏TIPDesk مقفل کریں بعد از</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source>without use</source>
        <translation>استعمال کے بغیر</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Locking hides every record until the passphrase is entered again; unsaved input is kept. Ctrl+L locks at once.</source>
        <translation>قفل ہر ریکارڈ کو پاس فریز دوبارہ درج ہونے تک چھپا دیتا ہے؛ غیر محفوظ اندراج برقرار رہتا ہے۔ Ctrl+L فوراً مقفل کرتا ہے۔</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>بیک اپ اور بحالی</translation>
    </message>
    <message>
        <source>A backup is one encrypted file: it opens with the same passphrases or the recovery key. Keep copies on a USB stick away from this computer.</source>
        <translation>بیک اپ ایک خفیہ (انکرپٹڈ) فائل ہے: یہ انہی پاس فریز یا ریکوری کلید سے کھلتی ہے۔ اس کی نقول اس کمپیوٹر سے دور USB اسٹک پر رکھیں۔</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>ابھی بیک اپ بنائیں…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>بحال کریں…</translation>
    </message>
    <message>
        <source>Your role does not include backups.</source>
        <translation>آپ کے کردار میں بیک اپ شامل نہیں۔</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>رجسٹر</translation>
    </message>
    <message>
        <source>Bring in a case, training or campaign register kept in a spreadsheet (XLSX or CSV, as the register template).</source>
        <translation>اسپریڈشیٹ (XLSX یا CSV، رجسٹر کے سانچے کے مطابق) میں رکھا گیا مقدمات، تربیت یا مہمات کا رجسٹر شامل کریں۔</translation>
    </message>
    <message>
        <source>Import a register…</source>
        <translation>رجسٹر درآمد کریں…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>نمونے کا ڈیٹا</translation>
    </message>
    <message>
        <source>For training installs only: fill this empty store with synthetic cases, victims, training sessions and campaigns. Every name and number is invented.</source>
        <translation>صرف تربیتی تنصیبات کے لیے: اس خالی اسٹور کو فرضی مقدمات، متاثرین، تربیتی نشستوں اور مہمات سے بھریں۔ ہر نام اور نمبر من گھڑت ہے۔</translation>
    </message>
    <message>
        <source>Add demo data</source>
        <translation>نمونے کا ڈیٹا شامل کریں</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>دفاتر</translation>
    </message>
    <message>
        <source>e.g. Police Station Saddar</source>
        <translation>مثلاً پولیس اسٹیشن صدر</translation>
    </message>
    <message>
        <source>New office</source>
        <translation>نیا دفتر</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Add office</source>
        <translation>دفتر شامل کریں</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Reference lists and rules</source>
        <translation>حوالہ جاتی فہرستیں اور قواعد</translation>
    </message>
    <message>
        <source>Districts, offices, code lists and maximum sentences. HQ installs updated files once; every receipt carries them to the districts.</source>
        <translation>اضلاع، دفاتر، کوڈ فہرستیں اور زیادہ سے زیادہ سزائیں۔ ہیڈکوارٹر تازہ فائلیں ایک بار نصب کرتا ہے؛ ہر رسید انہیں اضلاع تک پہنچاتی ہے۔</translation>
    </message>
    <message>
        <source>Districts, offices, code lists and maximum sentences. Updates come from HQ with its receipts.</source>
        <translation>اضلاع، دفاتر، کوڈ فہرستیں اور زیادہ سے زیادہ سزائیں۔ تازہ کاری ہیڈکوارٹر کی رسیدوں کے ساتھ آتی ہے۔</translation>
    </message>
    <message>
        <source>Install updated files…</source>
        <translation>تازہ فائلیں نصب کریں…</translation>
    </message>
    <message>
        <source>The lists and rules shipped with this TIPDesk are in use.</source>
        <translation>اس TIPDesk کے ساتھ آنے والی فہرستیں اور قواعد زیرِ استعمال ہیں۔</translation>
    </message>
    <message>
        <source>Update {n} is in use (installed {at}): {files}.</source>
        <translation>تازہ کاری {n} زیرِ استعمال ہے (نصب {at}): {files}۔</translation>
    </message>
    <message>
        <source>It is set aside: {problem}</source>
        <translation>اسے الگ رکھا گیا ہے: {problem}</translation>
    </message>
    <message>
        <source>Folder with the updated reference files</source>
        <translation>تازہ حوالہ جاتی فائلوں والا فولڈر</translation>
    </message>
    <message>
        <source>Reference update {n} installed ({files}); the receipts you write from now on carry it to the districts.</source>
        <translation>حوالہ جاتی تازہ کاری {n} نصب ہو گئی ({files})؛ اب سے آپ کی لکھی ہوئی رسیدیں اسے اضلاع تک پہنچائیں گی۔</translation>
    </message>
    <message>
        <source>{n} record held in quarantine passes now and is in the register.</source>
        <translation>قرنطینہ میں روکا گیا {n} ریکارڈ اب درست پایا گیا اور رجسٹر میں شامل ہے۔</translation>
    </message>
    <message>
        <source>{n} records held in quarantine pass now and are in the register.</source>
        <translation>قرنطینہ میں روکے گئے {n} ریکارڈ اب درست پائے گئے اور رجسٹر میں شامل ہیں۔</translation>
    </message>
    <message>
        <source>About this install</source>
        <translation>اس تنصیب کے بارے میں</translation>
    </message>
    <message>
        <source>TIPDesk version</source>
        <translation>‏TIPDesk ورژن</translation>
    </message>
    <message>
        <source>Kind of install</source>
        <translation>تنصیب کی قسم</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>ڈیٹا فولڈر</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>ڈیوائس شناخت</translation>
    </message>
    <message>
        <source>Database version</source>
        <translation>ڈیٹا بیس ورژن</translation>
    </message>
    <message>
        <source>Set up on</source>
        <translation>قیام کی تاریخ</translation>
    </message>
    <message>
        <source>District office</source>
        <translation>ضلعی دفتر</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>TIPDesk now locks after {n} minutes without use.</source>
        <translation>‏TIPDesk اب {n} منٹ استعمال نہ ہونے پر مقفل ہو گا۔</translation>
    </message>
    <message>
        <source>Give the office a name and a district.</source>
        <translation>دفتر کو نام اور ضلع دیں۔</translation>
    </message>
    <message>
        <source>Office added: {name}.</source>
        <translation>دفتر شامل ہو گیا: {name}۔</translation>
    </message>
    <message>
        <source>{n} record held in quarantine for it passes now and is in the register.</source>
        <translation>اس کے لیے قرنطینہ میں روکا گیا {n} ریکارڈ اب درست پایا گیا اور رجسٹر میں شامل ہے۔</translation>
    </message>
    <message>
        <source>{n} records held in quarantine for it pass now and are in the register.</source>
        <translation>اس کے لیے قرنطینہ میں روکے گئے {n} ریکارڈ اب درست پائے گئے اور رجسٹر میں شامل ہیں۔</translation>
    </message>
    <message>
        <source>Save the backup</source>
        <translation>بیک اپ محفوظ کریں</translation>
    </message>
    <message>
        <source>TIPDesk backups (*.tipbak)</source>
        <translation>‏TIPDesk بیک اپ (*.tipbak)</translation>
    </message>
    <message>
        <source>Backup written to {path}. Keep it on a USB stick away from this computer.</source>
        <translation>بیک اپ {path} میں لکھا گیا۔ اسے اس کمپیوٹر سے دور USB اسٹک پر رکھیں۔</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>بیک اپ</translation>
    </message>
    <message>
        <source>Writing the encrypted backup…</source>
        <translation>خفیہ بیک اپ لکھا جا رہا ہے…</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>بیک اپ منسوخ؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>بیک اپ منتخب کریں</translation>
    </message>
    <message>
        <source>TIPDesk backups (*.tipbak);;All files (*)</source>
        <translation>‏TIPDesk بیک اپ (*.tipbak);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>بیک اپ کی جانچ اور بحالی ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>بحالی منسوخ؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Demo data added: {cases} cases, {trainings} training sessions, {campaigns} campaigns.</source>
        <translation>نمونے کا ڈیٹا شامل ہو گیا: {cases} مقدمات، {trainings} تربیتی نشستیں، {campaigns} مہمات۔</translation>
    </message>
    <message>
        <source>Stopped. The batches saved before Cancel stay in the store.</source>
        <translation>روک دیا گیا۔ «منسوخ» سے پہلے محفوظ ہونے والی کھیپیں اسٹور میں رہیں گی۔</translation>
    </message>
    <message>
        <source>Adding synthetic records…</source>
        <translation>فرضی ریکارڈ شامل ہو رہے ہیں…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up TIPDesk</source>
        <translation>‏TIPDesk قائم کریں</translation>
    </message>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>خفیہ اسٹور بنایا جا رہا ہے…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>نمونے کا ڈیٹا</translation>
    </message>
    <message>
        <source>Adding synthetic records for practice…</source>
        <translation>مشق کے لیے فرضی ریکارڈ شامل ہو رہے ہیں…</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>TIPDesk — sign in</source>
        <translation>‏TIPDesk — سائن اِن</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <source>Kind of office</source>
        <translation>دفتر کی قسم</translation>
    </message>
    <message>
        <source>District and office</source>
        <translation>ضلع اور دفتر</translation>
    </message>
    <message>
        <source>First user</source>
        <translation>پہلا صارف</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>اسٹور بنائیں</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>ریکوری کلید</translation>
    </message>
    <message>
        <source>Everything stays on this computer, encrypted.</source>
        <translation>سب کچھ اس کمپیوٹر پر، خفیہ حالت میں رہتا ہے۔</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Confirm the import</source>
        <translation>درآمد کی تصدیق کریں</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>نیا</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>تازہ کیا گیا</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>غیر تبدیل شدہ</translation>
    </message>
    <message>
        <source>Confirm and import</source>
        <translation>تصدیق کریں اور درآمد کریں</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>تربیتی نشستیں</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>{skipped} rows with errors will be left out.</source>
        <translation>غلطیوں والی {skipped} قطاریں چھوڑ دی جائیں گی۔</translation>
    </message>
    <message>
        <source>Every row of the register will be imported.</source>
        <translation>رجسٹر کی ہر قطار درآمد کی جائے گی۔</translation>
    </message>
    <message>
        <source>Imported: {saved} records saved, {skipped} rows left out.</source>
        <translation>درآمد مکمل: {saved} ریکارڈ محفوظ، {skipped} قطاریں چھوڑی گئیں۔</translation>
    </message>
</context>
<context>
    <name>SyncDistrictPanel</name>
    <message>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>بنایا گیا</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تبدیلیاں</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>تسلیم شدہ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>رسید</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>جاری کی گئی</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>درآمد شدہ</translation>
    </message>
    <message>
        <source>Up to bundle</source>
        <translation>بنڈل تک</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>قرنطینہ میں</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تنازعات</translation>
    </message>
    <message>
        <source>Sync with HQ</source>
        <translation>ہیڈکوارٹر کے ساتھ سنک</translation>
    </message>
    <message>
        <source>Send this office&apos;s changes to HQ on a USB stick and read HQ&apos;s receipts.</source>
        <translation>اس دفتر کی تبدیلیاں USB اسٹک پر ہیڈکوارٹر کو بھیجیں اور ہیڈکوارٹر کی رسیدیں پڑھیں۔</translation>
    </message>
    <message>
        <source>Enrol with HQ…</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج…</translation>
    </message>
    <message>
        <source>Import a receipt…</source>
        <translation>رسید درآمد کریں…</translation>
    </message>
    <message>
        <source>Device file for HQ…</source>
        <translation>ہیڈکوارٹر کے لیے ڈیوائس فائل…</translation>
    </message>
    <message>
        <source>HQ registers this file once; it accepts this laptop&apos;s bundles from then on.</source>
        <translation>ہیڈکوارٹر یہ فائل ایک بار رجسٹر کرتا ہے؛ اس کے بعد وہ اس لیپ ٹاپ کے بنڈل قبول کرتا ہے۔</translation>
    </message>
    <message>
        <source>Export to a folder…</source>
        <translation>فولڈر میں برآمد کریں…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>آخری برآمد</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>آخری رسید</translation>
    </message>
    <message>
        <source>HQ acknowledged</source>
        <translation>ہیڈکوارٹر نے تسلیم کیا</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>زیرِ التوا تبدیلیاں</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>اپ لوڈ</translation>
    </message>
    <message>
        <source>Upload now</source>
        <translation>ابھی اپ لوڈ کریں</translation>
    </message>
    <message>
        <source>Send the new changes to HQ over the network now and take HQ&apos;s receipt.</source>
        <translation>نئی تبدیلیاں ابھی نیٹ ورک کے ذریعے ہیڈکوارٹر کو بھیجیں اور ہیڈکوارٹر کی رسید لیں۔</translation>
    </message>
    <message>
        <source>What the last receipt from HQ changed in this install&apos;s records.</source>
        <translation>ہیڈکوارٹر کی آخری رسید نے اس تنصیب کے ریکارڈ میں کیا تبدیل کیا۔</translation>
    </message>
    <message>
        <source>Back from HQ</source>
        <translation>ہیڈکوارٹر سے واپس</translation>
    </message>
    <message>
        <source>HQ found the same accused (by CNIC) in a case of another district. Contact that district&apos;s office about its case: HQ sends nothing else of it.</source>
        <translation>ہیڈکوارٹر کو وہی ملزم (CNIC کے ذریعے) کسی اور ضلع کے مقدمے میں ملا۔ اس مقدمے کے بارے میں اُس ضلع کے دفتر سے رابطہ کریں: ہیڈکوارٹر اس کے بارے میں اور کچھ نہیں بھیجتا۔</translation>
    </message>
    <message>
        <source>HQ&apos;s notices</source>
        <translation>ہیڈکوارٹر کی اطلاعات</translation>
    </message>
    <message>
        <source>Bundles made here; kept until HQ&apos;s receipt acknowledges them.</source>
        <translation>یہاں بنے بنڈل؛ ہیڈکوارٹر کی رسید میں تسلیم ہونے تک رکھے جاتے ہیں۔</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>آؤٹ باکس</translation>
    </message>
    <message>
        <source>What HQ received, accepted and held back.</source>
        <translation>ہیڈکوارٹر نے کیا وصول کیا، قبول کیا اور روکا۔</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>رسیدیں</translation>
    </message>
    <message>
        <source>Enrolled with HQ · fingerprint {fp}</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج شدہ · فنگر پرنٹ {fp}</translation>
    </message>
    <message>
        <source>Not enrolled yet: use “Enrol with HQ…” with the file HQ gave you.</source>
        <translation>ابھی اندراج نہیں ہوا: ہیڈکوارٹر کی دی ہوئی فائل کے ساتھ «ہیڈکوارٹر کے ساتھ اندراج…» استعمال کریں۔</translation>
    </message>
    <message>
        <source>Bundle {seq} on {at} · {file}</source>
        <translation>بنڈل {seq} بتاریخ {at} · {file}</translation>
    </message>
    <message>
        <source>Nothing exported yet</source>
        <translation>ابھی کچھ برآمد نہیں ہوا</translation>
    </message>
    <message>
        <source>Receipt {serial} issued {issued}, imported {imported}</source>
        <translation>رسید {serial} جاری {issued}، درآمد {imported}</translation>
    </message>
    <message>
        <source>Bundles up to {seq}; {q} quarantined, {c} in conflict, missing bundles: {gaps}</source>
        <translation>بنڈل {seq} تک؛ {q} قرنطینہ میں، {c} تنازع میں، غائب بنڈل: {gaps}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>brought back {n} (see “Back from HQ”)</source>
        <translation>‏{n} واپس لائے («ہیڈکوارٹر سے واپس» دیکھیں)</translation>
    </message>
    <message>
        <source>No receipt from HQ yet</source>
        <translation>ہیڈکوارٹر سے ابھی کوئی رسید نہیں</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>ابھی کچھ نہیں</translation>
    </message>
    <message>
        <source>Back from HQ ({n})</source>
        <translation>ہیڈکوارٹر سے واپس ({n})</translation>
    </message>
    <message>
        <source>The last receipt (number {serial}) changed none of this install&apos;s records.</source>
        <translation>آخری رسید (نمبر {serial}) نے اس تنصیب کا کوئی ریکارڈ تبدیل نہیں کیا۔</translation>
    </message>
    <message>
        <source>HQ&apos;s notices ({n})</source>
        <translation>ہیڈکوارٹر کی اطلاعات ({n})</translation>
    </message>
    <message>
        <source>{new} not exported · {unacked} not acknowledged by HQ · {bundles} waiting in the outbox</source>
        <translation>‏{new} برآمد نہیں ہوئے · {unacked} ہیڈکوارٹر نے تسلیم نہیں کیے · {bundles} آؤٹ باکس میں منتظر</translation>
    </message>
    <message>
        <source>{n} change</source>
        <translation>‏{n} تبدیلی</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>‏{n} تبدیلیاں</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <source>Outbox ({n})</source>
        <translation>آؤٹ باکس ({n})</translation>
    </message>
    <message>
        <source>Receipts ({n})</source>
        <translation>رسیدیں ({n})</translation>
    </message>
    <message>
        <source>Upload over the network: not configured (`tipdesk sync configure`)</source>
        <translation>نیٹ ورک کے ذریعے اپ لوڈ: ترتیب نہیں دیا گیا (`tipdesk sync configure`)</translation>
    </message>
    <message>
        <source>Automatic, to {url}: {n} waiting to be sent</source>
        <translation>خودکار، {url} پر: {n} بھیجے جانے کے منتظر</translation>
    </message>
    <message>
        <source>HQ&apos;s receipts changed {n} here (see “Back from HQ”).</source>
        <translation>ہیڈکوارٹر کی رسیدوں نے یہاں {n} تبدیل کیے («ہیڈکوارٹر سے واپس» دیکھیں)۔</translation>
    </message>
    <message>
        <source>Export to a folder or USB stick</source>
        <translation>فولڈر یا USB اسٹک میں برآمد کریں</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برآمد کریں</translation>
    </message>
    <message>
        <source>Sealing the changes HQ has not acknowledged…</source>
        <translation>وہ تبدیلیاں مہر بند کی جا رہی ہیں جو ہیڈکوارٹر نے تسلیم نہیں کیں…</translation>
    </message>
    <message>
        <source>Nothing new to export: HQ has every change, or it is in the outbox already ({n} waiting).</source>
        <translation>برآمد کے لیے کچھ نیا نہیں: ہر تبدیلی ہیڈکوارٹر کے پاس ہے، یا پہلے سے آؤٹ باکس میں ہے ({n} منتظر)۔</translation>
    </message>
    <message>
        <source>Bundle {seq} written ({n}): {file}</source>
        <translation>بنڈل {seq} لکھا گیا ({n}): {file}</translation>
    </message>
    <message>
        <source>{n} case file(s) for HQ written beside the bundles (sealed).</source>
        <translation>ہیڈکوارٹر کے لیے مقدمے کی {n} فائل(یں) بنڈلز کے ساتھ لکھی گئیں (سربمہر)۔</translation>
    </message>
    <message>
        <source>{n} consenting victim(s) wait: their identity can be sealed for HQ only after a supervisor or an admin signs in here ({codes}).</source>
        <translation>‏{n} رضامند متاثرین منتظر ہیں: ان کی شناخت ہیڈکوارٹر کے لیے اسی وقت سربمہر ہو سکتی ہے جب کوئی نگران یا منتظم یہاں سائن اِن کرے ({codes})۔</translation>
    </message>
    <message>
        <source>{n} case file(s) marked for HQ wait: a victim&apos;s file goes only while the victim consents, exported by a user who may reveal identities.</source>
        <translation>ہیڈکوارٹر کے لیے نشان زد مقدمے کی {n} فائل(یں) منتظر ہیں: متاثرہ کی فائل صرف اسی وقت جاتی ہے جب متاثرہ رضامند ہو، اور اسے وہ صارف برآمد کرے جسے شناخت ظاہر کرنے کا اختیار ہو۔</translation>
    </message>
    <message>
        <source>Import HQ&apos;s receipt</source>
        <translation>ہیڈکوارٹر کی رسید درآمد کریں</translation>
    </message>
    <message>
        <source>Receipts (*.tipr)</source>
        <translation>رسیدیں (*.tipr)</translation>
    </message>
    <message>
        <source>This receipt was imported before; nothing changed.</source>
        <translation>یہ رسید پہلے درآمد ہو چکی ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This receipt is older than the last one imported; nothing changed.</source>
        <translation>یہ رسید آخری درآمد شدہ رسید سے پرانی ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Receipt {serial} imported: HQ has bundles up to {seq}; {acked} acknowledged, {q} quarantined, {c} in conflict.</source>
        <translation>رسید {serial} درآمد ہوئی: ہیڈکوارٹر کے پاس بنڈل {seq} تک ہیں؛ {acked} تسلیم، {q} قرنطینہ میں، {c} تنازع میں۔</translation>
    </message>
    <message>
        <source>Quarantined: {record} (bundle {seq}): {reasons}</source>
        <translation>قرنطینہ میں: {record} (بنڈل {seq}): {reasons}</translation>
    </message>
    <message>
        <source>In conflict at HQ: {record} (bundle {seq}); HQ decides.</source>
        <translation>ہیڈکوارٹر میں تنازع: {record} (بنڈل {seq})؛ فیصلہ ہیڈکوارٹر کرے گا۔</translation>
    </message>
    <message>
        <source>HQ is missing bundle {gaps}: export again or bring it.</source>
        <translation>ہیڈکوارٹر کے پاس بنڈل {gaps} نہیں: دوبارہ برآمد کریں یا اسے پہنچائیں۔</translation>
    </message>
    <message>
        <source>HQ is missing bundles {gaps}: export again or bring them.</source>
        <translation>ہیڈکوارٹر کے پاس بنڈل {gaps} نہیں: دوبارہ برآمد کریں یا انہیں پہنچائیں۔</translation>
    </message>
    <message>
        <source>HQ&apos;s versions changed {n} here (listed under “Back from HQ”).</source>
        <translation>ہیڈکوارٹر کے ورژنز نے یہاں {n} تبدیل کیے («ہیڈکوارٹر سے واپس» کے تحت درج)۔</translation>
    </message>
    <message>
        <source>HQ has more records for this office: they come with the next receipt, after your next export reaches HQ.</source>
        <translation>ہیڈکوارٹر کے پاس اس دفتر کے مزید ریکارڈ ہیں: آپ کی اگلی برآمد ہیڈکوارٹر پہنچنے کے بعد وہ اگلی رسید کے ساتھ آئیں گے۔</translation>
    </message>
    <message>
        <source>HQ&apos;s updated reference lists and rules ({files}) are installed and used from now on.</source>
        <translation>ہیڈکوارٹر کی تازہ حوالہ جاتی فہرستیں اور قواعد ({files}) نصب ہو گئے اور اب سے استعمال ہوں گے۔</translation>
    </message>
    <message>
        <source>HQ&apos;s reference update was not installed: {problem}</source>
        <translation>ہیڈکوارٹر کی حوالہ جاتی تازہ کاری نصب نہیں ہوئی: {problem}</translation>
    </message>
    <message>
        <source>Save the device file for HQ</source>
        <translation>ہیڈکوارٹر کے لیے ڈیوائس فائل محفوظ کریں</translation>
    </message>
    <message>
        <source>Device file written: {file}. Give it to HQ, and tell HQ this fingerprint (by phone or on paper) so they can check it: {fp}</source>
        <translation>ڈیوائس فائل لکھی گئی: {file}۔ اسے ہیڈکوارٹر کو دیں، اور ہیڈکوارٹر کو یہ فنگر پرنٹ (فون پر یا کاغذ پر) بتائیں تاکہ وہ تصدیق کر سکیں: {fp}</translation>
    </message>
    <message>
        <source>HQ&apos;s enrolment file</source>
        <translation>ہیڈکوارٹر کی اندراج فائل</translation>
    </message>
    <message>
        <source>Enrolment (*.json)</source>
        <translation>اندراج (*.json)</translation>
    </message>
    <message>
        <source>Enrol this install with HQ?

HQ&apos;s fingerprint: {fp}

Compare it with the one HQ gave you (by phone or on paper) before you say yes.</source>
        <translation>اس تنصیب کا ہیڈکوارٹر کے ساتھ اندراج کریں؟

ہیڈکوارٹر کا فنگر پرنٹ: {fp}

ہاں کہنے سے پہلے اس کا موازنہ اُس فنگر پرنٹ سے کریں جو ہیڈکوارٹر نے آپ کو (فون پر یا کاغذ پر) دیا۔</translation>
    </message>
    <message>
        <source>Enrol with HQ</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج</translation>
    </message>
    <message>
        <source>Enrolled with HQ (fingerprint {fp}). Bundles go to HQ from now on.</source>
        <translation>ہیڈکوارٹر کے ساتھ اندراج ہو گیا (فنگر پرنٹ {fp})۔ اب سے بنڈل ہیڈکوارٹر کو جائیں گے۔</translation>
    </message>
</context>
<context>
    <name>SyncHqPanel</name>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>حجم</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>آمد</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>ان باکس</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>درآمد کی رپورٹ</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>ڈیوائسز</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تنازعات</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>احاطہ</translation>
    </message>
    <message>
        <source>Sync: districts to HQ</source>
        <translation>سنک: اضلاع سے ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>Import the districts&apos; bundles, answer with receipts, review conflicts.</source>
        <translation>اضلاع کے بنڈل درآمد کریں، رسیدوں سے جواب دیں، تنازعات کا جائزہ لیں۔</translation>
    </message>
    <message>
        <source>Write receipts…</source>
        <translation>رسیدیں لکھیں…</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>فائلیں درآمد کریں…</translation>
    </message>
    <message>
        <source>Import the inbox</source>
        <translation>ان باکس درآمد کریں</translation>
    </message>
    <message>
        <source>{n} waiting in the inbox folder {folder}.</source>
        <translation>ان باکس فولڈر {folder} میں {n} منتظر۔</translation>
    </message>
    <message>
        <source>{n} new bundle file</source>
        <translation>‏{n} نئی بنڈل فائل</translation>
    </message>
    <message>
        <source>{n} new bundle files</source>
        <translation>‏{n} نئی بنڈل فائلیں</translation>
    </message>
    <message>
        <source>{n} imported before are done and kept in its “imported” folder.</source>
        <translation>‏{n} پہلے درآمد شدہ مکمل ہیں اور اس کے «imported» فولڈر میں رکھی گئی ہیں۔</translation>
    </message>
    <message>
        <source>Inbox ({n})</source>
        <translation>ان باکس ({n})</translation>
    </message>
    <message>
        <source>Devices ({n})</source>
        <translation>ڈیوائسز ({n})</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>تنازعات ({n})</translation>
    </message>
    <message>
        <source>The inbox holds no new bundle.</source>
        <translation>ان باکس میں کوئی نیا بنڈل نہیں۔</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>درآمد کے لیے بنڈل</translation>
    </message>
    <message>
        <source>Bundles and case files (*.tipb *.tipf)</source>
        <translation>بنڈل اور مقدمے کی فائلیں (*.tipb *.tipf)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>درآمد کریں</translation>
    </message>
    <message>
        <source>Checking and importing {n}…</source>
        <translation>‏{n} کی جانچ اور درآمد ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Import stopped. The bundles imported before you stopped are kept (and moved out of the inbox); the others wait in the inbox.</source>
        <translation>درآمد روک دی گئی۔ روکنے سے پہلے درآمد ہونے والے بنڈل برقرار ہیں (اور ان باکس سے منتقل ہو گئے)؛ باقی ان باکس میں منتظر ہیں۔</translation>
    </message>
    <message>
        <source>Write receipts to a folder</source>
        <translation>رسیدیں فولڈر میں لکھیں</translation>
    </message>
    <message>
        <source>{n} written to {folder}</source>
        <translation>‏{n} {folder} میں لکھی گئیں</translation>
    </message>
    <message>
        <source>{n} receipt</source>
        <translation>‏{n} رسید</translation>
    </message>
    <message>
        <source>{n} receipts</source>
        <translation>‏{n} رسیدیں</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>رسیدیں</translation>
    </message>
    <message>
        <source>Writing receipts…</source>
        <translation>رسیدیں لکھی جا رہی ہیں…</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>{n} bundle</source>
        <translation>‏{n} بنڈل</translation>
    </message>
    <message>
        <source>{n} bundles</source>
        <translation>‏{n} بنڈل</translation>
    </message>
    <message>
        <source>{n} record</source>
        <translation>‏{n} ریکارڈ</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>‏{n} ریکارڈز</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
    <message>
        <source>an unknown device</source>
        <translation>نامعلوم ڈیوائس</translation>
    </message>
</context>
<context>
    <name>TrainingEditor</name>
    <message>
        <source>New training</source>
        <translation>نئی تربیت</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>تربیت</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>The session</source>
        <translation>نشست</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>e.g. Victim identification for investigators</source>
        <translation>مثلاً تفتیشی افسران کے لیے متاثرین کی شناخت</translation>
    </message>
    <message>
        <source>&amp;Organised by</source>
        <translation>منعقد کنندہ</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation>موضوعات</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>کب اور کہاں</translation>
    </message>
    <message>
        <source>&amp;Start date</source>
        <translation>تاریخِ آغاز</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>تاریخِ اختتام</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>مقام</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>شرکاء</translation>
    </message>
    <message>
        <source>Total tr&amp;ained</source>
        <translation>کل تربیت یافتہ</translation>
    </message>
    <message>
        <source>&amp;Women</source>
        <translation>خواتین</translation>
    </message>
    <message>
        <source>&amp;Men</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Tra&amp;nsgender</source>
        <translation>خواجہ سرا</translation>
    </message>
    <message>
        <source>&amp;By agency</source>
        <translation>ادارہ وار</translation>
    </message>
    <message>
        <source>Optional: one name per line</source>
        <translation>اختیاری: ہر سطر میں ایک نام</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>فہرستِ شرکاء</translation>
    </message>
    <message>
        <source>Women, men and transgender add up to the total when given.</source>
        <translation>خواتین، مرد اور خواجہ سرا، اگر درج ہوں، تو کل کے برابر ہوتے ہیں۔</translation>
    </message>
    <message>
        <source>Women + men + transgender = {sum:,}: matches the total.</source>
        <translation>خواتین + مرد + خواجہ سرا = {sum:,}: کل کے مطابق۔</translation>
    </message>
    <message>
        <source>Women + men + transgender = {sum:,}, but the total is {total:,}.</source>
        <translation>خواتین + مرد + خواجہ سرا = {sum:,}، لیکن کل {total:,} ہے۔</translation>
    </message>
    <message>
        <source>Optional: how many came from each agency (they add up to the total).</source>
        <translation>اختیاری: ہر ادارے سے کتنے آئے (ان کا مجموعہ کل کے برابر ہو)۔</translation>
    </message>
    <message>
        <source>The agencies add up to {sum:,}: matches the total.</source>
        <translation>اداروں کا مجموعہ {sum:,}: کل کے مطابق۔</translation>
    </message>
    <message>
        <source>The agencies add up to {sum:,}, but the total is {total:,}.</source>
        <translation>اداروں کا مجموعہ {sum:,}، لیکن کل {total:,} ہے۔</translation>
    </message>
</context>
<context>
    <name>TrainingsView</name>
    <message>
        <source>Training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>تمام نشستیں</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>نئی تربیت</translation>
    </message>
    <message>
        <source>Search titles, venues, participants…</source>
        <translation>عنوان، مقامات، شرکاء تلاش کریں…</translation>
    </message>
    <message>
        <source>No training sessions yet. Use “New training” to record one.</source>
        <translation>ابھی تک کوئی تربیتی نشست نہیں۔ درج کرنے کے لیے «نئی تربیت» استعمال کریں۔</translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation>‏{n} نشست</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>‏{n} نشستیں</translation>
    </message>
    <message>
        <source>Any organiser</source>
        <translation>کوئی بھی منتظم</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>منعقد کنندہ</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>ڈیٹا فولڈر: {folder}</translation>
    </message>
    <message>
        <source>Anti-trafficking register</source>
        <translation>انسدادِ انسانی اسمگلنگ رجسٹر</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>پاس فریز</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>سائن اِن</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use the recovery key</source>
        <translation>پاس فریز بھول گئے؟ ریکوری کلید استعمال کریں</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>ریکوری کلید</translation>
    </message>
    <message>
        <source>Choose a new passphrase:</source>
        <translation>نیا پاس فریز منتخب کریں:</translation>
    </message>
    <message>
        <source>Reset passphrase and unlock</source>
        <translation>پاس فریز دوبارہ مقرر کریں اور کھولیں</translation>
    </message>
    <message>
        <source>Back to the passphrase</source>
        <translation>پاس فریز پر واپس</translation>
    </message>
    <message>
        <source>Use the recovery key</source>
        <translation>ریکوری کلید استعمال کریں</translation>
    </message>
    <message>
        <source>The recovery key from the day TIPDesk was set up opens the store; then choose a new passphrase for this user.</source>
        <translation>‏TIPDesk کے قیام کے دن کی ریکوری کلید اسٹور کھولتی ہے؛ پھر اس صارف کے لیے نیا پاس فریز منتخب کریں۔</translation>
    </message>
    <message>
        <source>TIPDesk is locked</source>
        <translation>‏TIPDesk مقفل ہے</translation>
    </message>
    <message>
        <source>Signed in as {user}. Enter your passphrase to continue; your unsaved work is kept.</source>
        <translation>بطور {user} سائن اِن۔ جاری رکھنے کے لیے اپنا پاس فریز درج کریں؛ آپ کا غیر محفوظ کام برقرار ہے۔</translation>
    </message>
    <message>
        <source>Enter your user name and passphrase.</source>
        <translation>اپنا صارف نام اور پاس فریز درج کریں۔</translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in {n} s.</source>
        <translation>بہت زیادہ ناکام کوششیں۔ آپ {n} سیکنڈ بعد دوبارہ کوشش کر سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>اپنا پاس فریز درج کریں۔</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>اپنا صارف نام درج کریں۔</translation>
    </message>
</context>
<context>
    <name>UploadCard</name>
    <message>
        <source>Upload to HQ</source>
        <translation>ہیڈکوارٹر کو اپ لوڈ</translation>
    </message>
    <message>
        <source>Upload to HQ every</source>
        <translation>ہیڈکوارٹر کو اپ لوڈ ہر</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source>while someone is signed in</source>
        <translation>جب کوئی سائن اِن ہو</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>When HQ&apos;s address is set, TIPDesk also uploads at sign-in and shortly after a save. Without the network, changes wait safely in the outbox.</source>
        <translation>جب ہیڈکوارٹر کا پتہ درج ہو، TIPDesk سائن اِن پر اور محفوظ کرنے کے کچھ دیر بعد بھی اپ لوڈ کرتا ہے۔ نیٹ ورک نہ ہو تو تبدیلیاں آؤٹ باکس میں محفوظ طور پر منتظر رہتی ہیں۔</translation>
    </message>
    <message>
        <source>TIPDesk now uploads to HQ every {n} minutes.</source>
        <translation>‏TIPDesk اب ہر {n} منٹ بعد ہیڈکوارٹر کو اپ لوڈ کرے گا۔</translation>
    </message>
</context>
<context>
    <name>UserKeys</name>
    <message>
        <source>Close TIPDesk on any other window that has this data folder open first.</source>
        <translation>پہلے ہر اُس دوسری ونڈو میں TIPDesk بند کریں جس میں یہ ڈیٹا فولڈر کھلا ہو۔</translation>
    </message>
    <message>
        <source>Rotate the keys</source>
        <translation>کلیدیں تبدیل کریں</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation>کلیدیں تبدیل کریں</translation>
    </message>
    <message>
        <source>e.g. laptop of the Saddar office lost on 2 June</source>
        <translation>مثلاً صدر دفتر کا لیپ ٹاپ 2 جون کو گم ہوا</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>ایک سیکنڈ سے کم</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>‏{n} سیکنڈ</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>‏{m} منٹ {s} سیکنڈ</translation>
    </message>
    <message>
        <source>Re-encrypting the database with a new key… This can take a few minutes.</source>
        <translation>ڈیٹا بیس نئی کلید سے دوبارہ خفیہ کیا جا رہا ہے… اس میں چند منٹ لگ سکتے ہیں۔</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>ہیڈکوارٹر</translation>
    </message>
</context>
<context>
    <name>UserPage</name>
    <message>
        <source>The first user</source>
        <translation>پہلا صارف</translation>
    </message>
    <message>
        <source>This user is the administrator: they can add the other users. Choose a passphrase you can remember; a few unrelated words work well.</source>
        <translation>یہ صارف منتظم ہے: وہ دوسرے صارفین شامل کر سکتا ہے۔ ایسا پاس فریز منتخب کریں جو آپ کو یاد رہے؛ چند غیر متعلق الفاظ اچھا کام کرتے ہیں۔</translation>
    </message>
    <message>
        <source>e.g. ayesha.khan</source>
        <translation>مثلاً ayesha.khan</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>شامل کیا گیا</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>شامل کنندہ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>غیر فعال</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Users</source>
        <translation>صارفین</translation>
    </message>
    <message>
        <source>Who may sign in on this computer, and with which role.</source>
        <translation>اس کمپیوٹر پر کون، کس کردار کے ساتھ سائن اِن کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>صارف شامل کریں…</translation>
    </message>
    <message>
        <source>Rotate keys…</source>
        <translation>کلیدیں تبدیل کریں…</translation>
    </message>
    <message>
        <source>Re-encrypt the store with new keys: after a lost laptop or a leaked passphrase</source>
        <translation>اسٹور کو نئی کلیدوں سے دوبارہ خفیہ کریں: لیپ ٹاپ گم ہونے یا پاس فریز افشا ہونے کے بعد</translation>
    </message>
    <message>
        <source>Only an administrator can add, disable or enable users. You can see the list.</source>
        <translation>صرف منتظم صارفین شامل، غیر فعال یا فعال کر سکتا ہے۔ آپ فہرست دیکھ سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیر فعال کریں</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>فعال کریں…</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>محفوظ: {name}۔</translation>
    </message>
    <message>
        <source>Disable {name}?</source>
        <translation>‏{name} کو غیر فعال کریں؟</translation>
    </message>
    <message>
        <source>{name} will no longer be able to sign in. Their records stay. You can enable them again with a new passphrase.</source>
        <translation>‏{name} اب سائن اِن نہیں کر سکیں گے۔ ان کے ریکارڈ برقرار رہیں گے۔ آپ انہیں نئے پاس فریز کے ساتھ دوبارہ فعال کر سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Disabling also re-keys the store, so that {name}&apos;s passphrase opens nothing, not even with an old copy of the key file.</source>
        <translation>غیر فعال کرنے سے اسٹور کی کلیدیں بھی بدل جاتی ہیں، تاکہ {name} کا پاس فریز کچھ نہ کھول سکے، کلید فائل کی پرانی نقل کے ساتھ بھی نہیں۔</translation>
    </message>
    <message>
        <source>Disable and re-key</source>
        <translation>غیر فعال کریں اور کلیدیں بدلیں</translation>
    </message>
    <message>
        <source>{name} is disabled; the store has new keys.</source>
        <translation>‏{name} غیر فعال ہو گئے؛ اسٹور کی نئی کلیدیں ہیں۔</translation>
    </message>
    <message>
        <source>{name} is disabled and can no longer open this store.</source>
        <translation>‏{name} غیر فعال ہو گئے اور اب یہ اسٹور نہیں کھول سکتے۔</translation>
    </message>
    <message>
        <source>Disable {name}</source>
        <translation>‏{name} کو غیر فعال کریں</translation>
    </message>
    <message>
        <source>The store has new keys.</source>
        <translation>اسٹور کی نئی کلیدیں ہیں۔</translation>
    </message>
    <message>
        <source>The keys were rotated.</source>
        <translation>کلیدیں تبدیل ہو گئیں۔</translation>
    </message>
    <message>
        <source>Rotate the keys</source>
        <translation>کلیدیں تبدیل کریں</translation>
    </message>
</context>
<context>
    <name>VictimEditor</name>
    <message>
        <source>Open the case</source>
        <translation>مقدمہ کھولیں</translation>
    </message>
    <message>
        <source>Open the victim&apos;s case (Ctrl+Shift+O)</source>
        <translation>متاثرہ کا مقدمہ کھولیں (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Identified outside a case</source>
        <translation>مقدمے کے بغیر شناخت شدہ</translation>
    </message>
    <message>
        <source>Victim of a case</source>
        <translation>کسی مقدمے کا متاثرہ</translation>
    </message>
    <message>
        <source>Victim of case {number}</source>
        <translation>مقدمہ {number} کا متاثرہ</translation>
    </message>
    <message>
        <source>Victim {code}</source>
        <translation>متاثرہ {code}</translation>
    </message>
    <message>
        <source>New victim</source>
        <translation>نیا متاثرہ</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>متاثرہ</translation>
    </message>
</context>
<context>
    <name>VictimForm</name>
    <message>
        <source>Referral {n}</source>
        <translation>ریفرل {n}</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>ریفرل کی تاریخ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Add a referral</source>
        <translation>ریفرل شامل کریں</translation>
    </message>
    <message>
        <source>Remove referral</source>
        <translation>ریفرل ہٹائیں</translation>
    </message>
    <message>
        <source>No referral recorded. Use “Add a referral” (Ctrl+Shift+R) for shelter, medical care, legal aid and other services.</source>
        <translation>کوئی ریفرل درج نہیں۔ پناہ گاہ، طبی امداد، قانونی امداد اور دیگر خدمات کے لیے «ریفرل شامل کریں» (Ctrl+Shift+R) استعمال کریں۔</translation>
    </message>
    <message>
        <source>Referrals to services</source>
        <translation>خدمات کے لیے ریفرلز</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>شناخت</translation>
    </message>
    <message>
        <source>Victim c&amp;ode</source>
        <translation>متاثرہ کا کوڈ</translation>
    </message>
    <message>
        <source>e.g. {code}</source>
        <translation>مثلاً {code}</translation>
    </message>
    <message>
        <source>&amp;Identified on</source>
        <translation>تاریخِ شناخت</translation>
    </message>
    <message>
        <source>Identified b&amp;y</source>
        <translation>شناخت کنندہ</translation>
    </message>
    <message>
        <source>Officer or agency</source>
        <translation>افسر یا ادارہ</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Indicators o&amp;bserved</source>
        <translation>مشاہدہ شدہ علامات</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>فرد</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>&amp;Age (years)</source>
        <translation>عمر (سال)</translation>
    </message>
    <message>
        <source>Date of bir&amp;th</source>
        <translation>تاریخِ پیدائش</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>قومیت</translation>
    </message>
    <message>
        <source>Identity (protected)</source>
        <translation>شناخت (محفوظ)</translation>
    </message>
    <message>
        <source>Hidden to protect the victim. Revealing is recorded in the audit log.</source>
        <translation>متاثرہ کے تحفظ کے لیے چھپایا گیا۔ ظاہر کرنا آڈٹ لاگ میں درج ہوتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>&amp;Father&apos;s name</source>
        <translation>ولدیت</translation>
    </message>
    <message>
        <source>&amp;CNIC</source>
        <translation>‏CNIC</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <source>Reveal identity…</source>
        <translation>شناخت ظاہر کریں…</translation>
    </message>
    <message>
        <source>Consents to &amp;sharing identifying details</source>
        <translation>شناختی تفصیلات کے تبادلے پر رضامند ہے</translation>
    </message>
    <message>
        <source>Exploitation and protection</source>
        <translation>استحصال اور تحفظ</translation>
    </message>
    <message>
        <source>Forms of e&amp;xploitation</source>
        <translation>استحصال کی اقسام</translation>
    </message>
    <message>
        <source>Protection &amp;measures</source>
        <translation>حفاظتی اقدامات</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>نوٹس</translation>
    </message>
    <message>
        <source>Hidden. Use “Reveal identity…” to see or change it.</source>
        <translation>چھپایا گیا۔ دیکھنے یا تبدیل کرنے کے لیے «شناخت ظاہر کریں…» استعمال کریں۔</translation>
    </message>
    <message>
        <source>Your role does not allow revealing identities.</source>
        <translation>آپ کا کردار شناخت ظاہر کرنے کی اجازت نہیں دیتا۔</translation>
    </message>
    <message>
        <source>Reveal the victim&apos;s identity</source>
        <translation>متاثرہ کی شناخت ظاہر کریں</translation>
    </message>
    <message>
        <source>The name, CNIC, phone and address are protected. Say why you need to see them: the reason is written to the audit log with your name.</source>
        <translation>نام، CNIC، فون اور پتہ محفوظ ہیں۔ بتائیں کہ آپ کو انہیں دیکھنے کی ضرورت کیوں ہے: وجہ آپ کے نام کے ساتھ آڈٹ لاگ میں لکھی جاتی ہے۔</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>ظاہر کریں</translation>
    </message>
</context>
<context>
    <name>VictimsView</name>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>All victims</source>
        <translation>تمام متاثرین</translation>
    </message>
    <message>
        <source>New victim</source>
        <translation>نیا متاثرہ</translation>
    </message>
    <message>
        <source>Search victim codes, names, CNICs, phone numbers…</source>
        <translation>متاثرین کے کوڈ، نام، CNIC، فون نمبر تلاش کریں…</translation>
    </message>
    <message>
        <source>Search victim codes…</source>
        <translation>متاثرین کے کوڈ تلاش کریں…</translation>
    </message>
    <message>
        <source>No victims yet. Victims identified in a case are added in the case; “New victim” records one identified outside a case.</source>
        <translation>ابھی تک کوئی متاثرہ نہیں۔ کسی مقدمے میں شناخت شدہ متاثرین مقدمے میں شامل کیے جاتے ہیں؛ «نیا متاثرہ» مقدمے کے بغیر شناخت شدہ فرد درج کرتا ہے۔</translation>
    </message>
    <message>
        <source>{n} victim</source>
        <translation>‏{n} متاثرہ</translation>
    </message>
    <message>
        <source>{n} victims</source>
        <translation>‏{n} متاثرین</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>کوئی بھی جنس</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>اسٹور پڑھا جا رہا ہے…</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>استعمال: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>ترتیبی دلائل</translation>
    </message>
    <message>
        <source>options</source>
        <translation>اختیارات</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>یہ مدد دکھائیں اور ختم کریں</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>پروگرام کا ورژن نمبر دکھائیں اور ختم کریں</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>یہ دلائل لازمی ہیں: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>غلط انتخاب: %(value)r (ان میں سے چنیں: %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>نامعلوم دلائل: %s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>دلیل %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>ایک قدر درکار ہے</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>زیادہ سے زیادہ ایک قدر درکار ہے</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>کم از کم ایک قدر درکار ہے</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>‏%s قدر درکار ہے</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>‏%s قدریں درکار ہیں</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>غلط %(type)s قدر: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>مبہم اختیار: %(option)s ان میں سے کسی سے بھی مل سکتا ہے: %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>دلیل %s کے ساتھ اس کی اجازت نہیں</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>دلائل %s میں سے ایک لازمی ہے</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>دی گئی قدر %r نظرانداز کی گئی</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>نامعلوم کمانڈ %(parser_name)r (انتخاب: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>Forced labour</source>
        <translation>جبری مشقت</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <translation>جنسی استحصال</translation>
    </message>
    <message>
        <source>Domestic servitude</source>
        <translation>گھریلو غلامی</translation>
    </message>
    <message>
        <source>Child labour</source>
        <translation>چائلڈ لیبر</translation>
    </message>
    <message>
        <source>Forced begging</source>
        <translation>جبری گداگری</translation>
    </message>
    <message>
        <source>Forced marriage</source>
        <translation>جبری شادی</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <translation>جبری جرائم</translation>
    </message>
    <message>
        <source>Organ removal</source>
        <translation>اعضاء نکالنا</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Debt bondage</source>
        <translation>قرض کی غلامی (بیگار)</translation>
    </message>
    <message>
        <source>Takes earnings</source>
        <translation>کمائی چھین لینا</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>دھمکیاں</translation>
    </message>
    <message>
        <source>Physical abuse</source>
        <translation>جسمانی تشدد</translation>
    </message>
    <message>
        <source>Sexual abuse</source>
        <translation>جنسی زیادتی</translation>
    </message>
    <message>
        <source>Psychological abuse</source>
        <translation>نفسیاتی تشدد</translation>
    </message>
    <message>
        <source>False promises</source>
        <translation>جھوٹے وعدے</translation>
    </message>
    <message>
        <source>Psychoactive substances</source>
        <translation>نشہ آور اشیاء</translation>
    </message>
    <message>
        <source>Restricts movement</source>
        <translation>نقل و حرکت پر پابندی</translation>
    </message>
    <message>
        <source>Withholds documents</source>
        <translation>دستاویزات روک لینا</translation>
    </message>
    <message>
        <source>Excessive working hours</source>
        <translation>کام کے حد سے زیادہ اوقات</translation>
    </message>
    <message>
        <source>Withholds necessities</source>
        <translation>بنیادی ضروریات سے محروم رکھنا</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>پناہ گاہ</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>طبی امداد</translation>
    </message>
    <message>
        <source>Psychosocial support</source>
        <translation>نفسیاتی و سماجی معاونت</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>قانونی امداد</translation>
    </message>
    <message>
        <source>Child protection</source>
        <translation>تحفظِ اطفال</translation>
    </message>
    <message>
        <source>Return and repatriation</source>
        <translation>واپسی اور وطن واپسی</translation>
    </message>
    <message>
        <source>Livelihood support</source>
        <translation>روزگار میں معاونت</translation>
    </message>
    <message>
        <source>Victim identification</source>
        <translation>متاثرین کی شناخت</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>تفتیش</translation>
    </message>
    <message>
        <source>Prosecution</source>
        <translation>استغاثہ</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>عدالتی فیصلہ سازی</translation>
    </message>
    <message>
        <source>Victim and witness protection</source>
        <translation>متاثرین اور گواہوں کا تحفظ</translation>
    </message>
    <message>
        <source>Referral and services</source>
        <translation>ریفرل اور خدمات</translation>
    </message>
    <message>
        <source>Non-criminalisation of victims</source>
        <translation>متاثرین کو مجرم نہ ٹھہرانا</translation>
    </message>
    <message>
        <source>Financial investigation</source>
        <translation>مالیاتی تفتیش</translation>
    </message>
    <message>
        <source>Smuggling of migrants</source>
        <translation>تارکینِ وطن کی اسمگلنگ</translation>
    </message>
    <message>
        <source>Cyber-enabled trafficking</source>
        <translation>سائبر ذرائع سے انسانی اسمگلنگ</translation>
    </message>
    <message>
        <source>Document fraud</source>
        <translation>دستاویزات میں جعل سازی</translation>
    </message>
    <message>
        <source>Legal framework</source>
        <translation>قانونی ڈھانچہ</translation>
    </message>
    <message>
        <source>International cooperation</source>
        <translation>بین الاقوامی تعاون</translation>
    </message>
    <message>
        <source>Gender- and child-sensitive approaches</source>
        <translation>صنف اور بچوں کے لیے حساس طریقے</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>سیمینار</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>واک</translation>
    </message>
    <message>
        <source>Media (TV, radio, press)</source>
        <translation>ذرائع ابلاغ (ٹی وی، ریڈیو، اخبارات)</translation>
    </message>
    <message>
        <source>School session</source>
        <translation>اسکول میں نشست</translation>
    </message>
    <message>
        <source>Community session</source>
        <translation>کمیونٹی نشست</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>سوشل میڈیا</translation>
    </message>
    <message>
        <source>Training of trainers</source>
        <translation>تربیت کاروں کی تربیت</translation>
    </message>
    <message>
        <source>Street theatre</source>
        <translation>اسٹریٹ تھیٹر</translation>
    </message>
    <message>
        <source>Printed material (posters, leaflets)</source>
        <translation>مطبوعہ مواد (پوسٹر، پمفلٹ)</translation>
    </message>
    <message>
        <source>Recruiter</source>
        <translation>بھرتی کنندہ</translation>
    </message>
    <message>
        <source>Transporter</source>
        <translation>منتقل کنندہ</translation>
    </message>
    <message>
        <source>Harbourer</source>
        <translation>پناہ دہندہ</translation>
    </message>
    <message>
        <source>Exploiter</source>
        <translation>استحصال کنندہ</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>سہولت کار</translation>
    </message>
    <message>
        <source>Financier</source>
        <translation>مالی معاون</translation>
    </message>
    <message>
        <source>Document forger</source>
        <translation>دستاویزات کا جعل ساز</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>سرکاری اہلکار</translation>
    </message>
    <message>
        <source>Deceived about the work or its conditions</source>
        <translation>کام یا اس کی شرائط کے بارے میں دھوکا دیا گیا</translation>
    </message>
    <message>
        <source>Identity or travel documents withheld</source>
        <translation>شناختی یا سفری دستاویزات روک لی گئیں</translation>
    </message>
    <message>
        <source>Debt bondage or unpayable debt</source>
        <translation>قرض کی غلامی یا ناقابلِ ادا قرض</translation>
    </message>
    <message>
        <source>Wages withheld or taken</source>
        <translation>اجرت روک لی گئی یا چھین لی گئی</translation>
    </message>
    <message>
        <source>Movement restricted or confined</source>
        <translation>نقل و حرکت پر پابندی یا قید</translation>
    </message>
    <message>
        <source>Isolated from family or community</source>
        <translation>خاندان یا برادری سے الگ تھلگ</translation>
    </message>
    <message>
        <source>Threats against the person or family</source>
        <translation>فرد یا خاندان کو دھمکیاں</translation>
    </message>
    <message>
        <source>Degrading living or working conditions</source>
        <translation>رہنے یا کام کے ذلت آمیز حالات</translation>
    </message>
    <message>
        <source>Others speak for the person or control contact</source>
        <translation>دوسرے اس فرد کی جگہ بولتے ہیں یا رابطوں پر قابو رکھتے ہیں</translation>
    </message>
    <message>
        <source>Fear of authorities or deportation</source>
        <translation>حکام یا ملک بدری کا خوف</translation>
    </message>
    <message>
        <source>Child in work, begging or commercial sex</source>
        <translation>بچہ مشقت، گداگری یا تجارتی جنسی استحصال میں</translation>
    </message>
    <message>
        <source>Witness protection</source>
        <translation>گواہ کا تحفظ</translation>
    </message>
    <message>
        <source>Identity protection</source>
        <translation>شناخت کا تحفظ</translation>
    </message>
    <message>
        <source>Police escort</source>
        <translation>پولیس کی حفاظت میں آمد و رفت</translation>
    </message>
    <message>
        <source>In-camera testimony</source>
        <translation>بند کمرہ (ان کیمرہ) بیان</translation>
    </message>
    <message>
        <source>Relocation</source>
        <translation>منتقلی</translation>
    </message>
    <message>
        <source>Federal Investigation Agency (FIA)</source>
        <translation>وفاقی تحقیقاتی ادارہ (FIA)</translation>
    </message>
    <message>
        <source>Punjab Police</source>
        <translation>پنجاب پولیس</translation>
    </message>
    <message>
        <source>Sindh Police</source>
        <translation>سندھ پولیس</translation>
    </message>
    <message>
        <source>Khyber Pakhtunkhwa Police</source>
        <translation>خیبر پختونخوا پولیس</translation>
    </message>
    <message>
        <source>Balochistan Police</source>
        <translation>بلوچستان پولیس</translation>
    </message>
    <message>
        <source>Islamabad Capital Territory Police</source>
        <translation>اسلام آباد کیپیٹل ٹیریٹری پولیس</translation>
    </message>
    <message>
        <source>Gilgit-Baltistan Police</source>
        <translation>گلگت بلتستان پولیس</translation>
    </message>
    <message>
        <source>Azad Jammu and Kashmir Police</source>
        <translation>آزاد جموں و کشمیر پولیس</translation>
    </message>
    <message>
        <source>Public Prosecution Department, Punjab</source>
        <translation>محکمہ پبلک پراسیکیوشن، پنجاب</translation>
    </message>
    <message>
        <source>Prosecution Department, Sindh</source>
        <translation>محکمہ پراسیکیوشن، سندھ</translation>
    </message>
    <message>
        <source>Prosecution Department, Khyber Pakhtunkhwa</source>
        <translation>محکمہ پراسیکیوشن، خیبر پختونخوا</translation>
    </message>
    <message>
        <source>Prosecution Department, Balochistan</source>
        <translation>محکمہ پراسیکیوشن، بلوچستان</translation>
    </message>
    <message>
        <source>Prosecution Service, Islamabad Capital Territory</source>
        <translation>پراسیکیوشن سروس، اسلام آباد کیپیٹل ٹیریٹری</translation>
    </message>
    <message>
        <source>Federal Judicial Academy</source>
        <translation>وفاقی جوڈیشل اکیڈمی</translation>
    </message>
    <message>
        <source>Punjab Judicial Academy</source>
        <translation>پنجاب جوڈیشل اکیڈمی</translation>
    </message>
    <message>
        <source>Sindh Judicial Academy</source>
        <translation>سندھ جوڈیشل اکیڈمی</translation>
    </message>
    <message>
        <source>Khyber Pakhtunkhwa Judicial Academy</source>
        <translation>خیبر پختونخوا جوڈیشل اکیڈمی</translation>
    </message>
    <message>
        <source>Balochistan Judicial Academy</source>
        <translation>بلوچستان جوڈیشل اکیڈمی</translation>
    </message>
    <message>
        <source>Labour Department, Punjab</source>
        <translation>محکمہ محنت، پنجاب</translation>
    </message>
    <message>
        <source>Labour Department, Sindh</source>
        <translation>محکمہ محنت، سندھ</translation>
    </message>
    <message>
        <source>Labour Department, Khyber Pakhtunkhwa</source>
        <translation>محکمہ محنت، خیبر پختونخوا</translation>
    </message>
    <message>
        <source>Labour Department, Balochistan</source>
        <translation>محکمہ محنت، بلوچستان</translation>
    </message>
    <message>
        <source>Social Welfare Department, Punjab</source>
        <translation>محکمہ سماجی بہبود، پنجاب</translation>
    </message>
    <message>
        <source>Social Welfare Department, Sindh</source>
        <translation>محکمہ سماجی بہبود، سندھ</translation>
    </message>
    <message>
        <source>Social Welfare Department, Khyber Pakhtunkhwa</source>
        <translation>محکمہ سماجی بہبود، خیبر پختونخوا</translation>
    </message>
    <message>
        <source>Social Welfare Department, Balochistan</source>
        <translation>محکمہ سماجی بہبود، بلوچستان</translation>
    </message>
    <message>
        <source>Child Protection and Welfare Bureau, Punjab</source>
        <translation>چائلڈ پروٹیکشن اینڈ ویلفیئر بیورو، پنجاب</translation>
    </message>
    <message>
        <source>Sindh Child Protection Authority</source>
        <translation>سندھ چائلڈ پروٹیکشن اتھارٹی</translation>
    </message>
    <message>
        <source>Child Protection and Welfare Commission, Khyber Pakhtunkhwa</source>
        <translation>چائلڈ پروٹیکشن اینڈ ویلفیئر کمیشن، خیبر پختونخوا</translation>
    </message>
    <message>
        <source>Child Protection Commission, Balochistan</source>
        <translation>چائلڈ پروٹیکشن کمیشن، بلوچستان</translation>
    </message>
    <message>
        <source>Ministry of Interior</source>
        <translation>وزارتِ داخلہ</translation>
    </message>
    <message>
        <source>Ministry of Human Rights</source>
        <translation>وزارتِ انسانی حقوق</translation>
    </message>
    <message>
        <source>Ministry of Overseas Pakistanis and Human Resource Development</source>
        <translation>وزارتِ سمندر پار پاکستانیز و ترقیِ انسانی وسائل</translation>
    </message>
    <message>
        <source>Bureau of Emigration and Overseas Employment</source>
        <translation>بیورو آف امیگریشن اینڈ اوورسیز ایمپلائمنٹ</translation>
    </message>
    <message>
        <source>National Commission on the Rights of Child (NCRC)</source>
        <translation>قومی کمیشن برائے حقوقِ اطفال (NCRC)</translation>
    </message>
    <message>
        <source>National Commission for Human Rights (NCHR)</source>
        <translation>قومی کمیشن برائے انسانی حقوق (NCHR)</translation>
    </message>
    <message>
        <source>Non-governmental organisation (NGO)</source>
        <translation>غیر سرکاری تنظیم (NGO)</translation>
    </message>
    <message>
        <source>Labour Directorate, Islamabad Capital Territory</source>
        <translation>ڈائریکٹوریٹ محنت، اسلام آباد کیپیٹل ٹیریٹری</translation>
    </message>
    <message>
        <source>Labour Department, Gilgit-Baltistan</source>
        <translation>محکمہ محنت، گلگت بلتستان</translation>
    </message>
    <message>
        <source>Labour Department, Azad Jammu and Kashmir</source>
        <translation>محکمہ محنت، آزاد جموں و کشمیر</translation>
    </message>
    <message>
        <source>Social Welfare Directorate, Islamabad Capital Territory</source>
        <translation>ڈائریکٹوریٹ سماجی بہبود، اسلام آباد کیپیٹل ٹیریٹری</translation>
    </message>
    <message>
        <source>Social Welfare Department, Gilgit-Baltistan</source>
        <translation>محکمہ سماجی بہبود، گلگت بلتستان</translation>
    </message>
    <message>
        <source>Social Welfare and Women Development Department, Azad Jammu and Kashmir</source>
        <translation>محکمہ سماجی بہبود و ترقیٔ نسواں، آزاد جموں و کشمیر</translation>
    </message>
    <message>
        <source>Child Protection Institute, Islamabad Capital Territory</source>
        <translation>چائلڈ پروٹیکشن انسٹی ٹیوٹ، اسلام آباد کیپیٹل ٹیریٹری</translation>
    </message>
    <message>
        <source>Child Protection Unit, Gilgit-Baltistan</source>
        <translation>چائلڈ پروٹیکشن یونٹ، گلگت بلتستان</translation>
    </message>
    <message>
        <source>Child Protection Unit, Azad Jammu and Kashmir</source>
        <translation>چائلڈ پروٹیکشن یونٹ، آزاد جموں و کشمیر</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>پولیس</translation>
    </message>
    <message>
        <source>United Nations Office on Drugs and Crime (UNODC)</source>
        <translation>اقوامِ متحدہ کا دفتر برائے منشیات و جرائم (UNODC)</translation>
    </message>
    <message>
        <source>International Organization for Migration (IOM)</source>
        <translation>بین الاقوامی تنظیم برائے نقل مکانی (IOM)</translation>
    </message>
    <message>
        <source>United Nations Children&apos;s Fund (UNICEF)</source>
        <translation>اقوامِ متحدہ کا فنڈ برائے اطفال (UNICEF)</translation>
    </message>
    <message>
        <source>International Labour Organization (ILO)</source>
        <translation>بین الاقوامی ادارہ محنت (ILO)</translation>
    </message>
    <message>
        <source>United Nations High Commissioner for Refugees (UNHCR)</source>
        <translation>اقوامِ متحدہ کا ہائی کمشنر برائے مہاجرین (UNHCR)</translation>
    </message>
    <message>
        <source>UN Women</source>
        <translation>یو این ویمن (UN Women)</translation>
    </message>
    <message>
        <source>International Centre for Migration Policy Development (ICMPD)</source>
        <translation>بین الاقوامی مرکز برائے ترقیِ پالیسیِ نقل مکانی (ICMPD)</translation>
    </message>
    <message>
        <source>European Union (EU)</source>
        <translation>یورپی یونین (EU)</translation>
    </message>
    <message>
        <source>US Bureau of International Narcotics and Law Enforcement Affairs (INL)</source>
        <translation>امریکی بیورو برائے بین الاقوامی منشیات و نفاذِ قانون (INL)</translation>
    </message>
    <message>
        <source>Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)</source>
        <translation>جرمن ادارہ برائے بین الاقوامی تعاون (GIZ)</translation>
    </message>
    <message>
        <source>UK Foreign, Commonwealth and Development Office (FCDO)</source>
        <translation>برطانوی دفتر خارجہ، دولتِ مشترکہ و ترقی (FCDO)</translation>
    </message>
    <message>
        <source>Local or other NGO</source>
        <translation>مقامی یا دیگر NGO</translation>
    </message>
    <message>
        <source>Investigation report due (CrPC s.173)</source>
        <translation>تفتیشی رپورٹ واجب (ضابطہ فوجداری دفعہ 173)</translation>
    </message>
    <message>
        <source>Challan due (14 days from arrest)</source>
        <translation>چالان واجب (گرفتاری سے 14 دن)</translation>
    </message>
    <message>
        <source>Shelter placement to confirm</source>
        <translation>پناہ گاہ میں رہائش کی تصدیق کریں</translation>
    </message>
    <message>
        <source>Shelter review due</source>
        <translation>پناہ گاہ کا جائزہ واجب</translation>
    </message>
    <message>
        <source>Medical referral: follow up</source>
        <translation>طبی ریفرل: پیروی کریں</translation>
    </message>
    <message>
        <source>Psychosocial support: follow up</source>
        <translation>نفسیاتی و سماجی معاونت: پیروی کریں</translation>
    </message>
    <message>
        <source>Legal aid referral: follow up</source>
        <translation>قانونی امداد کا ریفرل: پیروی کریں</translation>
    </message>
    <message>
        <source>Child protection referral: follow up</source>
        <translation>تحفظِ اطفال کا ریفرل: پیروی کریں</translation>
    </message>
    <message>
        <source>Child protection review due</source>
        <translation>تحفظِ اطفال کا جائزہ واجب</translation>
    </message>
    <message>
        <source>Repatriation (IOM): follow up</source>
        <translation>وطن واپسی (IOM): پیروی کریں</translation>
    </message>
    <message>
        <source>Livelihood support: follow up</source>
        <translation>روزگار معاونت: پیروی کریں</translation>
    </message>
</context>
<context>
    <name>diary</name>
    <message>
        <source>Remand / production of accused</source>
        <translation>ریمانڈ / ملزم کی پیشی</translation>
    </message>
    <message>
        <source>Bail application</source>
        <translation>درخواستِ ضمانت</translation>
    </message>
    <message>
        <source>Framing of charge</source>
        <translation>فردِ جرم عائد کرنا</translation>
    </message>
    <message>
        <source>Prosecution evidence</source>
        <translation>استغاثہ کی شہادت</translation>
    </message>
    <message>
        <source>Final arguments</source>
        <translation>حتمی دلائل</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>پیشی</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>واجب</translation>
    </message>
    <message>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Accused / victim</source>
        <translation>ملزم / متاثرہ</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>Investigating officer</source>
        <translation>تفتیشی افسر</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Not unlocked</source>
        <translation>کھولا نہیں گیا</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>اجازت نہیں</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>محفوظ نہیں ہوا</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>ڈسک بھر گئی ہے</translation>
    </message>
    <message>
        <source>Damaged file</source>
        <translation>خراب فائل</translation>
    </message>
    <message>
        <source>Store busy</source>
        <translation>اسٹور مصروف ہے</translation>
    </message>
    <message>
        <source>Not saved: the audit log is broken</source>
        <translation>محفوظ نہیں ہوا: آڈٹ لاگ ٹوٹ گیا ہے</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>مکمل نہ ہو سکا</translation>
    </message>
    <message>
        <source>Please correct the following:</source>
        <translation>براہِ کرم درج ذیل درست کریں:</translation>
    </message>
    <message>
        <source>Nothing was saved. The audit log of this install is broken (entries at its end were removed or changed), and TIPDesk saves nothing more until an administrator has reviewed the log and recorded the break (the red notice at the top of the window: Acknowledge…). Your changes are still on the screen: tell your administrator, and save again afterwards.</source>
        <translation>کچھ محفوظ نہیں ہوا۔ اس تنصیب کا آڈٹ لاگ ٹوٹ گیا ہے (اس کے آخر کے اندراجات حذف یا تبدیل کیے گئے)، اور جب تک کوئی منتظم لاگ کا جائزہ لے کر ٹوٹ درج نہ کرے (ونڈو کے اوپر سرخ اطلاع: تسلیم کریں…) TIPDesk مزید کچھ محفوظ نہیں کرے گا۔ آپ کی تبدیلیاں ابھی اسکرین پر ہیں: اپنے منتظم کو بتائیں، اور بعد میں دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <source>TIPDesk: unexpected problem</source>
        <translation>‏TIPDesk: غیر متوقع مسئلہ</translation>
    </message>
    <message>
        <source>Something went wrong inside TIPDesk. This is a bug, not your mistake.</source>
        <translation>‏TIPDesk کے اندر کچھ غلط ہو گیا۔ یہ پروگرام کی خرابی ہے، آپ کی غلطی نہیں۔</translation>
    </message>
    <message>
        <source>A report without any record contents was saved to:
{path}</source>
        <translation>ریکارڈ کے کسی مواد کے بغیر ایک رپورٹ یہاں محفوظ کی گئی:
{path}</translation>
    </message>
    <message>
        <source>The crash report could not be saved.</source>
        <translation>خرابی کی رپورٹ محفوظ نہ ہو سکی۔</translation>
    </message>
    <message>
        <source>Records saved earlier are safe. Please send the report to your TIPDesk support contact.</source>
        <translation>پہلے محفوظ کیے گئے ریکارڈ محفوظ ہیں۔ براہِ کرم یہ رپورٹ اپنے TIPDesk معاون رابطے کو بھیجیں۔</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>جاری رکھیں</translation>
    </message>
    <message>
        <source>Quit TIPDesk</source>
        <translation>‏TIPDesk بند کریں</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>تفتیش</translation>
    </message>
    <message>
        <source>Challan submitted</source>
        <translation>چالان جمع</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>سماعت</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>فیصلہ شدہ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>FIR</source>
        <translation>‏FIR</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>انکوائری</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>خاتون</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Transgender</source>
        <translation>خواجہ سرا</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>معلوم نہیں</translation>
    </message>
    <message>
        <source>Not arrested</source>
        <translation>گرفتار نہیں</translation>
    </message>
    <message>
        <source>Arrested</source>
        <translation>گرفتار</translation>
    </message>
    <message>
        <source>On bail</source>
        <translation>ضمانت پر</translation>
    </message>
    <message>
        <source>Absconding</source>
        <translation>مفرور</translation>
    </message>
    <message>
        <source>Proclaimed offender</source>
        <translation>اشتہاری مجرم</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>بری</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>ڈسچارج</translation>
    </message>
    <message>
        <source>No appeal</source>
        <translation>اپیل نہیں</translation>
    </message>
    <message>
        <source>Appeal filed</source>
        <translation>اپیل دائر</translation>
    </message>
    <message>
        <source>Appeal: conviction upheld</source>
        <translation>اپیل: سزا برقرار</translation>
    </message>
    <message>
        <source>Appeal: conviction overturned</source>
        <translation>اپیل: سزا کالعدم</translation>
    </message>
    <message>
        <source>Service provided</source>
        <translation>سروس فراہم کی گئی</translation>
    </message>
    <message>
        <source>Declined by the victim</source>
        <translation>متاثرہ نے انکار کیا</translation>
    </message>
    <message>
        <source>Service not available</source>
        <translation>سروس دستیاب نہیں</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>‏YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Type the date, or press Alt+Down (or F4) for a calendar</source>
        <translation>تاریخ لکھیں، یا کیلنڈر کے لیے Alt+Down (یا F4) دبائیں</translation>
    </message>
    <message>
        <source>Pick the date from a calendar (Alt+Down or F4)</source>
        <translation>کیلنڈر سے تاریخ منتخب کریں (Alt+Down یا F4)</translation>
    </message>
    <message>
        <source>Pick the date from a calendar</source>
        <translation>کیلنڈر سے تاریخ منتخب کریں</translation>
    </message>
    <message>
        <source>is not a date: write it as YYYY-MM-DD (or DD/MM/YYYY)</source>
        <translation>تاریخ نہیں ہے: اسے YYYY-MM-DD (یا DD/MM/YYYY) کی صورت میں لکھیں</translation>
    </message>
    <message>
        <source>is not a whole number: write digits only, e.g. 24</source>
        <translation>مکمل عدد نہیں ہے: صرف ہندسے لکھیں، مثلاً 24</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>Type to filter the list</source>
        <translation>فہرست چھاننے کے لیے لکھیں</translation>
    </message>
    <message>
        <source>Ticked: {names}</source>
        <translation>منتخب: {names}</translation>
    </message>
    <message>
        <source>None ticked</source>
        <translation>کچھ منتخب نہیں</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>This column cannot be sorted</source>
        <translation>اس کالم کے لحاظ سے ترتیب نہیں دی جا سکتی</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>مقدمہ نمبر</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>درج</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>استحصال کی اقسام</translation>
    </message>
    <message>
        <source>Victim code</source>
        <translation>متاثرہ کا کوڈ</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>شناخت</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>End</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>منعقد کنندہ</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>تربیت یافتہ</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>خواتین</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>موضوعات</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>National campaign</source>
        <translation>قومی مہم</translation>
    </message>
    <message>
        <source>Accused: {text}</source>
        <translation>ملزم: {text}</translation>
    </message>
    <message>
        <source>Officer: {text}</source>
        <translation>افسر: {text}</translation>
    </message>
    <message>
        <source>Victim: {text}</source>
        <translation>متاثرہ: {text}</translation>
    </message>
    <message>
        <source>Trainee: {text}</source>
        <translation>زیرِ تربیت: {text}</translation>
    </message>
    <message>
        <source>Venue: {text}</source>
        <translation>مقام: {text}</translation>
    </message>
    <message>
        <source>National campaign: {text}</source>
        <translation>قومی مہم: {text}</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>واقعات</translation>
    </message>
    <message>
        <source>Name, CNIC or phone</source>
        <translation>نام، CNIC یا فون</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{citation} as in force on {day}, the date of the offence</source>
        <translation>‏{citation}، جیسا کہ جرم کی تاریخ {day} کو نافذ تھا</translation>
    </message>
    <message>
        <source>{months:,} is below the {low:,}-month minimum ({cite})</source>
        <translation>‏{months:,} مہینے کم از کم {low:,} مہینے کی حد سے کم ہیں ({cite})</translation>
    </message>
    <message>
        <source>{cite} requires imprisonment of at least {low:,} months; none is recorded</source>
        <translation>‏{cite} کے تحت کم از کم {low:,} مہینے قید لازم ہے؛ کوئی قید درج نہیں</translation>
    </message>
    <message>
        <source>{months:,} exceeds the {top:,}-month maximum ({cite})</source>
        <translation>‏{months:,} مہینے زیادہ سے زیادہ {top:,} مہینے کی حد سے تجاوز کرتے ہیں ({cite})</translation>
    </message>
    <message>
        <source>{fine:,} exceeds the PKR {top:,} maximum ({cite})</source>
        <translation>‏{fine:,} روپے زیادہ سے زیادہ {top:,} روپے کی حد سے تجاوز کرتے ہیں ({cite})</translation>
    </message>
    <message>
        <source>{fine:,} is below the PKR {low:,} minimum ({cite})</source>
        <translation>‏{fine:,} روپے کم از کم {low:,} روپے کی حد سے کم ہیں ({cite})</translation>
    </message>
    <message>
        <source>{law} s.{section} applies where a victim is a woman or a child, but no victim of this case is recorded as female or under 18: check the section, and the victims&apos; gender and age</source>
        <translation>‏{law} دفعہ {section} وہاں لاگو ہوتی ہے جہاں متاثرہ کوئی عورت یا بچہ ہو، مگر اس مقدمے میں کوئی متاثرہ خاتون یا 18 سال سے کم عمر درج نہیں: دفعہ، اور متاثرین کی جنس اور عمر کی جانچ کریں</translation>
    </message>
    <message>
        <source>{cite} punishes with imprisonment and a fine, but no fine is recorded: check the judgment</source>
        <translation>‏{cite} کے تحت سزا قید اور جرمانہ دونوں ہے، مگر کوئی جرمانہ درج نہیں: فیصلے کی جانچ کریں</translation>
    </message>
    <message>
        <source>the case number</source>
        <translation>مقدمہ نمبر</translation>
    </message>
    <message>
        <source>the registration date</source>
        <translation>اندراج کی تاریخ</translation>
    </message>
    <message>
        <source>the district</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>the law</source>
        <translation>قانون</translation>
    </message>
    <message>
        <source>the victim code</source>
        <translation>متاثرہ کا کوڈ</translation>
    </message>
    <message>
        <source>the date of identification</source>
        <translation>شناخت کی تاریخ</translation>
    </message>
    <message>
        <source>the gender (female, male or transgender)</source>
        <translation>جنس (خاتون، مرد یا خواجہ سرا)</translation>
    </message>
    <message>
        <source>the service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>the referral date</source>
        <translation>ریفرل کی تاریخ</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>the start date</source>
        <translation>آغاز کی تاریخ</translation>
    </message>
    <message>
        <source>the organising agency</source>
        <translation>منتظم ادارہ</translation>
    </message>
    <message>
        <source>the organising department</source>
        <translation>منتظم محکمہ</translation>
    </message>
    <message>
        <source>the kind of campaign</source>
        <translation>مہم کی قسم</translation>
    </message>
    <message>
        <source>form of exploitation</source>
        <translation>استحصال کی قسم</translation>
    </message>
    <message>
        <source>means of control</source>
        <translation>قابو میں رکھنے کا ذریعہ</translation>
    </message>
    <message>
        <source>country</source>
        <translation>ملک</translation>
    </message>
    <message>
        <source>accused role</source>
        <translation>ملزم کا کردار</translation>
    </message>
    <message>
        <source>referral service</source>
        <translation>ریفرل سروس</translation>
    </message>
    <message>
        <source>training topic</source>
        <translation>تربیت کا موضوع</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>kind of campaign</source>
        <translation>مہم کی قسم</translation>
    </message>
    <message>
        <source>identification indicator</source>
        <translation>شناخت کا اشاریہ</translation>
    </message>
    <message>
        <source>protection measure</source>
        <translation>حفاظتی اقدام</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>فیصلہ شدہ</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <source>convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>acquitted</source>
        <translation>بری</translation>
    </message>
    <message>
        <source>discharged</source>
        <translation>ڈسچارج</translation>
    </message>
    <message>
        <source>provided</source>
        <translation>فراہم کی گئی</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>مسترد</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>دستیاب نہیں</translation>
    </message>
    <message>
        <source>the case was registered</source>
        <translation>مقدمے کے اندراج</translation>
    </message>
    <message>
        <source>{value} is after the case was registered ({registered}); the offence comes before its registration</source>
        <translation>‏{value} مقدمے کے اندراج ({registered}) کے بعد کی تاریخ ہے؛ جرم اپنے اندراج سے پہلے ہوتا ہے</translation>
    </message>
    <message>
        <source>{value} is not an office of this install</source>
        <translation>‏{value} اس تنصیب کا دفتر نہیں</translation>
    </message>
    <message>
        <source>{value} is not a known law (known: {known})</source>
        <translation>‏{value} کوئی معلوم قانون نہیں (معلوم قوانین: {known})</translation>
    </message>
    <message>
        <source>a transnational case needs at least one country on the route other than {home}</source>
        <translation>بین الاقوامی مقدمے کے راستے میں {home} کے علاوہ کم از کم ایک ملک ہونا ضروری ہے</translation>
    </message>
    <message>
        <source>the route includes {names}, so the case is transnational: mark it transnational or remove the country</source>
        <translation>راستے میں {names} شامل ہے، اس لیے مقدمہ بین الاقوامی ہے: اسے بین الاقوامی نشان زد کریں یا ملک ہٹائیں</translation>
    </message>
    <message>
        <source>a closed case needs the reason it was closed</source>
        <translation>بند مقدمے کے لیے بند کرنے کی وجہ لازمی ہے</translation>
    </message>
    <message>
        <source>an official was involved and the case is {stage}: record the action taken against the official</source>
        <translation>اس میں ایک سرکاری اہلکار ملوث تھا اور مقدمہ «{stage}» ہے: اہلکار کے خلاف کی گئی کارروائی درج کریں</translation>
    </message>
    <message>
        <source>the date proceeded against</source>
        <translation>کارروائی (چالان) کی تاریخ</translation>
    </message>
    <message>
        <source>the outcome is {outcome}, so the judgment date is required</source>
        <translation>نتیجہ «{outcome}» ہے، اس لیے فیصلے کی تاریخ لازمی ہے</translation>
    </message>
    <message>
        <source>a judgment date is given but the outcome is still pending</source>
        <translation>فیصلے کی تاریخ دی گئی ہے مگر نتیجہ ابھی زیرِ التوا ہے</translation>
    </message>
    <message>
        <source>the outcome is {outcome}, so the date proceeded against (challan) is required</source>
        <translation>نتیجہ «{outcome}» ہے، اس لیے کارروائی (چالان) کی تاریخ لازمی ہے</translation>
    </message>
    <message>
        <source>an appeal needs a judgment, but the outcome is pending</source>
        <translation>اپیل کے لیے فیصلہ ضروری ہے، مگر نتیجہ زیرِ التوا ہے</translation>
    </message>
    <message>
        <source>{label} is required</source>
        <translation>‏{label} لازمی ہے</translation>
    </message>
    <message>
        <source>the outcome is {outcome}, so its date is required</source>
        <translation>نتیجہ «{outcome}» ہے، اس لیے اس کی تاریخ لازمی ہے</translation>
    </message>
    <message>
        <source>{n:.2f} GB</source>
        <translation>‏{n:.2f} GB</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>‏{n} بائٹ</translation>
    </message>
    <message>
        <source>{n:.0f} KB</source>
        <translation>‏{n:.0f} KB</translation>
    </message>
    <message>
        <source>{n:.1f} MB</source>
        <translation>‏{n:.1f} MB</translation>
    </message>
    <message>
        <source>a victim</source>
        <translation>ایک متاثرہ</translation>
    </message>
    <message>
        <source>{first} and {then}</source>
        <translation>‏{first} اور {then}</translation>
    </message>
    <message>
        <source>this accused appears to be the same person as {victims} of this case; a victim must not be treated as an offender (non-criminalisation): a supervisor reviews it in the review queue, and until then the accused cannot be marked proceeded against or convicted</source>
        <translation>یہ ملزم بظاہر وہی فرد ہے جو اس مقدمے میں {victims} ہے؛ متاثرہ کے ساتھ مجرم جیسا سلوک نہیں کیا جا سکتا (عدم مجرمانہ سلوک): نگران افسر جائزہ قطار میں اس کا جائزہ لیتا ہے، اور تب تک ملزم کے خلاف کارروائی یا سزا درج نہیں کی جا سکتی</translation>
    </message>
    <message>
        <source>this accused may be the same person as {victims} of this case; a victim must not be treated as an offender (non-criminalisation): a supervisor reviews it in the review queue, and until then the accused cannot be marked proceeded against or convicted</source>
        <translation>ممکن ہے یہ ملزم وہی فرد ہو جو اس مقدمے میں {victims} ہے؛ متاثرہ کے ساتھ مجرم جیسا سلوک نہیں کیا جا سکتا (عدم مجرمانہ سلوک): نگران افسر جائزہ قطار میں اس کا جائزہ لیتا ہے، اور تب تک ملزم کے خلاف کارروائی یا سزا درج نہیں کی جا سکتی</translation>
    </message>
    <message>
        <source>victim {code}</source>
        <translation>متاثرہ {code}</translation>
    </message>
    <message>
        <source>proceeded against (challan)</source>
        <translation>کارروائی شدہ (چالان)</translation>
    </message>
    <message>
        <source>this accused appears to be the same person as {victims} of this case, and no supervisor has reviewed it yet: the accused cannot be marked {what} until a supervisor reviews the overlap (review queue). Save without it for now</source>
        <translation>یہ ملزم بظاہر وہی فرد ہے جو اس مقدمے میں {victims} ہے، اور کسی نگران افسر نے ابھی اس کا جائزہ نہیں لیا: جب تک نگران افسر اس مماثلت کا جائزہ نہ لے (جائزہ قطار)، ملزم کو {what} درج نہیں کیا جا سکتا۔ فی الحال اس کے بغیر محفوظ کریں</translation>
    </message>
    <message>
        <source>this accused may be the same person as {victims} of this case, and no supervisor has reviewed it yet: the accused cannot be marked {what} until a supervisor reviews the overlap (review queue). Save without it for now</source>
        <translation>ممکن ہے یہ ملزم وہی فرد ہو جو اس مقدمے میں {victims} ہے، اور کسی نگران افسر نے ابھی اس کا جائزہ نہیں لیا: جب تک نگران افسر اس مماثلت کا جائزہ نہ لے (جائزہ قطار)، ملزم کو {what} درج نہیں کیا جا سکتا۔ فی الحال اس کے بغیر محفوظ کریں</translation>
    </message>
    <message>
        <source>victim {n} (same CNIC, a strong sign)</source>
        <translation>متاثرہ {n} (ایک ہی CNIC، مضبوط علامت)</translation>
    </message>
    <message>
        <source>victim {n} (same name and father&apos;s name)</source>
        <translation>متاثرہ {n} (ایک ہی نام اور ولدیت)</translation>
    </message>
    <message>
        <source>victim {n} (same name)</source>
        <translation>متاثرہ {n} (ایک ہی نام)</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>the date of the hearing</source>
        <translation>پیشی کی تاریخ</translation>
    </message>
    <message>
        <source>the court</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>the hearing of {day} has not taken place yet (today is {today}); record what happened on the day</source>
        <translation>‏{day} کی پیشی ابھی نہیں ہوئی (آج {today} ہے)؛ کارروائی اسی دن درج کریں</translation>
    </message>
    <message>
        <source>say what happened at the hearing before recording it as held</source>
        <translation>پیشی کو منعقدہ درج کرنے سے پہلے بتائیں کہ اس میں کیا کارروائی ہوئی</translation>
    </message>
    <message>
        <source>a next date is given at a hearing that took place: record what happened too</source>
        <translation>اگلی تاریخ اس پیشی پر دی جاتی ہے جو ہو چکی ہو: کارروائی بھی درج کریں</translation>
    </message>
    <message>
        <source>{day} is not after the hearing ({hearing})</source>
        <translation>‏{day} پیشی ({hearing}) کے بعد نہیں</translation>
    </message>
    <message>
        <source>{day} is more than {years} years ahead; check the year</source>
        <translation>‏{day} آج سے {years} سال سے زیادہ آگے ہے؛ سال جانچیں</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a district we know: write the district&apos;s name, e.g. Lahore</source>
        <translation>‏&apos;{value}&apos; کوئی معلوم ضلع نہیں: ضلع کا نام لکھیں، مثلاً Lahore</translation>
    </message>
    <message>
        <source>a text of {n} characters is not a district we know: write the district&apos;s name</source>
        <translation>‏{n} حروف کا متن کوئی معلوم ضلع نہیں: ضلع کا نام لکھیں</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; could be any of {n} districts: write the district&apos;s full name</source>
        <translation>‏&apos;{value}&apos; {n} اضلاع میں سے کوئی بھی ہو سکتا ہے: ضلع کا پورا نام لکھیں</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a district we know (did you mean {name}?)</source>
        <translation>‏&apos;{value}&apos; کوئی معلوم ضلع نہیں (کیا آپ کی مراد {name} ہے؟)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; could be {names} or {last}: write the district&apos;s full name</source>
        <translation>‏&apos;{value}&apos; {names} یا {last} ہو سکتا ہے: ضلع کا پورا نام لکھیں</translation>
    </message>
    <message>
        <source>The passphrase is too weak: {reasons}.</source>
        <translation>پاس فریز بہت کمزور ہے: {reasons}۔</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>‏{first}؛ {then}</translation>
    </message>
    <message>
        <source>Use at least {n} characters.</source>
        <translation>کم از کم {n} حروف استعمال کریں۔</translation>
    </message>
    <message>
        <source>Use at most {n} characters.</source>
        <translation>زیادہ سے زیادہ {n} حروف استعمال کریں۔</translation>
    </message>
    <message>
        <source>Do not use control characters.</source>
        <translation>کنٹرول حروف استعمال نہ کریں۔</translation>
    </message>
    <message>
        <source>Do not start or end the passphrase with a space.</source>
        <translation>پاس فریز کے شروع یا آخر میں خالی جگہ (اسپیس) نہ رکھیں۔</translation>
    </message>
    <message>
        <source>Do not repeat a single character.</source>
        <translation>ایک ہی حرف بار بار نہ دہرائیں۔</translation>
    </message>
    <message>
        <source>Do not use a simple sequence such as 1234567890 or abcdefghij.</source>
        <translation>سادہ ترتیب استعمال نہ کریں، جیسے 1234567890 یا abcdefghij۔</translation>
    </message>
    <message>
        <source>Do not base the passphrase on a common word such as &quot;password&quot;.</source>
        <translation>پاس فریز کسی عام لفظ، جیسے &quot;password&quot;، پر مبنی نہ رکھیں۔</translation>
    </message>
    <message>
        <source>Use at least 5 different characters.</source>
        <translation>کم از کم 5 مختلف حروف استعمال کریں۔</translation>
    </message>
    <message>
        <source>Do not include your user name.</source>
        <translation>اپنا صارف نام شامل نہ کریں۔</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}): check the offence date and sections</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی: تاریخِ وقوعہ اور دفعات جانچیں</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}): check the offence date and section</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی: تاریخِ وقوعہ اور دفعہ جانچیں</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}), so the sentence cannot be checked against it: check the offence date and the section</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی، اس لیے سزا کو اس کے مطابق نہیں جانچا جا سکتا: تاریخِ وقوعہ اور دفعہ جانچیں</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}); it took effect on {since}: check the offence date and sections</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی؛ یہ {since} کو نافذ ہوئی: تاریخِ وقوعہ اور دفعات جانچیں</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}); it took effect on {since}: check the offence date and section</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی؛ یہ {since} کو نافذ ہوئی: تاریخِ وقوعہ اور دفعہ جانچیں</translation>
    </message>
    <message>
        <source>{law} s.{section} was not in force on the date of the offence ({day}); it took effect on {since}, so the sentence cannot be checked against it: check the offence date and the section</source>
        <translation>‏{law} دفعہ {section} جرم کی تاریخ ({day}) کو نافذ نہیں تھی؛ یہ {since} کو نافذ ہوئی، اس لیے سزا کو اس کے مطابق نہیں جانچا جا سکتا: تاریخِ وقوعہ اور دفعہ جانچیں</translation>
    </message>
    <message>
        <source>{value} is not a section of {law} in the sentencing rules (known: {known})</source>
        <translation>‏{value} سزا کے قواعد میں {law} کی کوئی دفعہ نہیں (معلوم دفعات: {known})</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>درج نہیں</translation>
    </message>
    <message>
        <source>{law} was not in force on the date of the offence ({day}); it took effect on {since}: check the offence date and the law</source>
        <translation>‏{law} جرم کی تاریخ ({day}) کو نافذ نہیں تھا؛ یہ {since} کو نافذ ہوا: تاریخِ وقوعہ اور قانون جانچیں</translation>
    </message>
    <message>
        <source>female {female:,} + male {male:,} + transgender {transgender:,} = {sum:,}, but the total is {total:,}</source>
        <translation>خواتین {female:,} + مرد {male:,} + خواجہ سرا {transgender:,} = {sum:,}، مگر کل تعداد {total:,} ہے</translation>
    </message>
    <message>
        <source>the roster lists {listed:,} people, more than the total of {total:,}</source>
        <translation>فہرست میں {listed:,} افراد درج ہیں، جو کل تعداد {total:,} سے زیادہ ہیں</translation>
    </message>
    <message>
        <source>{value} is in the future (today is {today})</source>
        <translation>‏{value} مستقبل کی تاریخ ہے (آج {today} ہے)</translation>
    </message>
    <message>
        <source>{value} is before {what} ({limit})</source>
        <translation>‏{value}، {what} ({limit}) سے پہلے کی تاریخ ہے</translation>
    </message>
    <message>
        <source>{value:,} is below zero; enter 0 or more</source>
        <translation>‏{value:,} صفر سے کم ہے؛ 0 یا زیادہ درج کریں</translation>
    </message>
    <message>
        <source>{value} is not a possible age (0 to {most})</source>
        <translation>‏{value} ممکنہ عمر نہیں (0 سے {most} تک)</translation>
    </message>
    <message>
        <source>is not a valid CNIC: it needs 13 digits, written #####-#######-#</source>
        <translation>درست CNIC نہیں: اس میں 13 ہندسے ہونے چاہییں، اس طرح لکھے ہوئے: #####-#######-#</translation>
    </message>
    <message>
        <source>{value} is not a known {what} (did you mean {close}?)</source>
        <translation>‏{value} کوئی معلوم {what} نہیں (کیا آپ کی مراد {close} ہے؟)</translation>
    </message>
    <message>
        <source>{value} is not a known {what}</source>
        <translation>‏{value} کوئی معلوم {what} نہیں</translation>
    </message>
    <message>
        <source>a conviction needs a sentence: imprisonment (months), a fine (PKR) or both</source>
        <translation>سزا یابی کے لیے سزا درج کرنا ضروری ہے: قید (مہینے)، جرمانہ (روپے) یا دونوں</translation>
    </message>
    <message>
        <source>the date of birth is in the future</source>
        <translation>تاریخِ پیدائش مستقبل کی ہے</translation>
    </message>
    <message>
        <source>age {age} does not match the date of birth, which gives {age_then} on the date of identification ({seen}); they may differ by 1 year at most</source>
        <translation>عمر {age} تاریخِ پیدائش سے مطابقت نہیں رکھتی، جس کے مطابق شناخت کی تاریخ ({seen}) پر عمر {age_then} بنتی ہے؛ دونوں میں زیادہ سے زیادہ 1 سال کا فرق ہو سکتا ہے</translation>
    </message>
    <message>
        <source>{value} is before the date of birth</source>
        <translation>‏{value} تاریخِ پیدائش سے پہلے کی تاریخ ہے</translation>
    </message>
    <message>
        <source>a count of {count:,} is given without its agency</source>
        <translation>‏{count:,} کی تعداد اس کے ادارے کے بغیر دی گئی ہے</translation>
    </message>
    <message>
        <source>the agencies add up to {by_agency:,}, but the total is {total:,}</source>
        <translation>اداروں کا مجموعہ {by_agency:,} ہے، مگر کل تعداد {total:,} ہے</translation>
    </message>
    <message>
        <source>a sentence needs a conviction, but the outcome is {outcome}</source>
        <translation>سزا کے لیے سزا یابی ضروری ہے، مگر نتیجہ «{outcome}» ہے</translation>
    </message>
    <message>
        <source>the date of birth gives an age over the {most}-year maximum</source>
        <translation>تاریخِ پیدائش کے مطابق عمر {most} سال کی حد سے زیادہ بنتی ہے</translation>
    </message>
    <message>
        <source>{path} is a folder; give the backup a file name.</source>
        <translation>‏{path} ایک فولڈر ہے؛ بیک اپ کو فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>{file} is not a TIPDesk backup (unexpected contents).</source>
        <translation>‏{file} TIPDesk کا بیک اپ نہیں (غیر متوقع مواد)۔</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>‏{path} فائل نہیں ہے۔</translation>
    </message>
    <message>
        <source>The file is {size}; files of at most {most} MB can be attached (an administrator sets the limit in Settings). Scan at a lower resolution or split the document.</source>
        <translation>فائل {size} کی ہے؛ زیادہ سے زیادہ {most} MB کی فائلیں منسلک کی جا سکتی ہیں (یہ حد منتظم ترتیبات میں مقرر کرتا ہے)۔ کم ریزولوشن پر اسکین کریں یا دستاویز کو حصوں میں تقسیم کریں۔</translation>
    </message>
    <message>
        <source>The store&apos;s files would take {size}, over the limit of {most} MB set in Settings. Remove files no longer needed, or ask an administrator to raise the limit.</source>
        <translation>اسٹور کی فائلیں {size} ہو جائیں گی، جو ترتیبات میں مقرر {most} MB کی حد سے زیادہ ہے۔ غیر ضروری فائلیں ہٹائیں، یا منتظم سے حد بڑھانے کو کہیں۔</translation>
    </message>
    <message>
        <source>The limit per file must be between 1 and {most} MB (got {value}).</source>
        <translation>فی فائل حد 1 اور {most} MB کے درمیان ہونی چاہیے (درج کی گئی: {value})۔</translation>
    </message>
    <message>
        <source>The limit for all files must be between 1 and {most} MB (got {value}).</source>
        <translation>تمام فائلوں کی حد 1 اور {most} MB کے درمیان ہونی چاہیے (درج کی گئی: {value})۔</translation>
    </message>
    <message>
        <source>The limit per file cannot be above the limit for all files.</source>
        <translation>فی فائل حد تمام فائلوں کی حد سے زیادہ نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <source>A file belongs to one record: give an accused or a victim, not both.</source>
        <translation>فائل ایک ہی ریکارڈ کی ہوتی ہے: ملزم یا متاثرہ بتائیں، دونوں نہیں۔</translation>
    </message>
    <message>
        <source>Say which case (or accused, or victim) the file belongs to.</source>
        <translation>بتائیں کہ فائل کس مقدمے (یا ملزم، یا متاثرہ) کی ہے۔</translation>
    </message>
    <message>
        <source>The note is {n} characters long; at most {most}.</source>
        <translation>نوٹ {n} حروف لمبا ہے؛ زیادہ سے زیادہ {most}۔</translation>
    </message>
    <message>
        <source>Case file {id} was removed.</source>
        <translation>مقدمے کی فائل {id} ہٹا دی گئی تھی۔</translation>
    </message>
    <message>
        <source>This file belongs to a victim: only users who may reveal victims&apos; identities can open it.</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے: اسے صرف وہ صارفین کھول سکتے ہیں جنہیں متاثرین کی شناخت ظاہر کرنے کا اختیار ہے۔</translation>
    </message>
    <message>
        <source>This file belongs to a victim: give a reason (a few words) for opening it; it is kept in the audit log.</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے: اسے کھولنے کی وجہ (چند الفاظ میں) لکھیں؛ یہ آڈٹ لاگ میں محفوظ رہتی ہے۔</translation>
    </message>
    <message>
        <source>Your copy of the identity key has not been granted yet: it is given when an administrator (or another supervisor) signs in. Try again after that.</source>
        <translation>شناخت کی کلید کی آپ کی نقل ابھی نہیں دی گئی: یہ تب دی جاتی ہے جب کوئی منتظم (یا کوئی دوسرا نگران) سائن اِن کرے۔ اس کے بعد دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>{path} is a folder; give the copy a file name.</source>
        <translation>‏{path} ایک فولڈر ہے؛ نقل کو فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>Give a reason (a few words) for removing the file.</source>
        <translation>فائل ہٹانے کی وجہ (چند الفاظ میں) لکھیں۔</translation>
    </message>
    <message>
        <source>Case file {id} was already removed.</source>
        <translation>مقدمے کی فائل {id} پہلے ہی ہٹا دی گئی تھی۔</translation>
    </message>
    <message>
        <source>Only a district install sends files to HQ.</source>
        <translation>صرف ضلعی تنصیب ہی ہیڈکوارٹر کو فائلیں بھیجتی ہے۔</translation>
    </message>
    <message>
        <source>Accused {id} is not in case {case}.</source>
        <translation>ملزم {id} مقدمہ {case} میں نہیں۔</translation>
    </message>
    <message>
        <source>Victim {id} is not in case {case}.</source>
        <translation>متاثرہ {id} مقدمہ {case} میں نہیں۔</translation>
    </message>
    <message>
        <source>{value} is not a kind of file (use one of: {known}).</source>
        <translation>‏{value} فائل کی کوئی قسم نہیں (ان میں سے ایک استعمال کریں: {known})۔</translation>
    </message>
    <message>
        <source>{file} cannot be attached. {problem}</source>
        <translation>‏{file} منسلک نہیں کی جا سکتی۔ {problem}</translation>
    </message>
    <message>
        <source>This file belongs to a victim: only users who may reveal victims&apos; identities can send it to HQ.</source>
        <translation>یہ فائل کسی متاثرہ سے متعلق ہے: اسے ہیڈکوارٹر کو صرف وہ صارفین بھیج سکتے ہیں جنہیں متاثرین کی شناخت ظاہر کرنے کا اختیار ہے۔</translation>
    </message>
    <message>
        <source>This victim has not consented to sharing: their files stay at the district (record the consent on the victim first).</source>
        <translation>اس متاثرہ نے معلومات شیئر کرنے کی رضامندی نہیں دی: ان کی فائلیں ضلع میں ہی رہیں گی (پہلے متاثرہ کے ریکارڈ میں رضامندی درج کریں)۔</translation>
    </message>
    <message>
        <source>{file} grew while it was being attached and is now over the limit of {most} MB; nothing was stored.</source>
        <translation>‏{file} منسلک کیے جانے کے دوران بڑھ گئی اور اب {most} MB کی حد سے زیادہ ہے؛ کچھ محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>A store already exists in {folder}. Restore with --replace to move it aside (it is kept in a before-restore folder); nothing was changed.</source>
        <translation>‏{folder} میں پہلے سے ایک اسٹور موجود ہے۔ اسے ایک طرف کرنے کے لیے --replace کے ساتھ بحال کریں (یہ before-restore فولڈر میں محفوظ رہتا ہے)؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>{file} is not a TIPDesk backup: {member} is compressed (TIPDesk stores the members of a backup as they are).</source>
        <translation>‏{file} TIPDesk کا بیک اپ نہیں: {member} کمپریس شدہ ہے (TIPDesk بیک اپ کے اجزا جوں کے توں رکھتا ہے)۔</translation>
    </message>
    <message>
        <source>{file} is damaged ({member} has a wrong size).</source>
        <translation>‏{file} خراب ہے ({member} کا سائز غلط ہے)۔</translation>
    </message>
    <message>
        <source>{file} is not a TIPDesk backup ({member} is too large).</source>
        <translation>‏{file} TIPDesk کا بیک اپ نہیں ({member} بہت بڑا ہے)۔</translation>
    </message>
    <message>
        <source>{file} is not a TIPDesk backup or is damaged.</source>
        <translation>‏{file} TIPDesk کا بیک اپ نہیں یا خراب ہے۔</translation>
    </message>
    <message>
        <source>Only a user signed in to this data folder may replace it.</source>
        <translation>اس ڈیٹا فولڈر کو صرف وہی صارف بدل سکتا ہے جو اس میں سائن اِن ہو۔</translation>
    </message>
    <message>
        <source>{file} is not a TIPDesk backup.</source>
        <translation>‏{file} TIPDesk کا بیک اپ نہیں۔</translation>
    </message>
    <message>
        <source>{file} was written by a newer TIPDesk; install it to restore this backup.</source>
        <translation>‏{file} TIPDesk کے نئے ورژن نے لکھا ہے؛ یہ بیک اپ بحال کرنے کے لیے نیا ورژن انسٹال کریں۔</translation>
    </message>
    <message>
        <source>{file} is damaged (the database copy does not match).</source>
        <translation>‏{file} خراب ہے (ڈیٹا بیس کی نقل مطابقت نہیں رکھتی)۔</translation>
    </message>
    <message>
        <source>Wrong user name or passphrase.</source>
        <translation>صارف کا نام یا پاس فریز غلط ہے۔</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow restoring a backup.</source>
        <translation>آپ کا کردار ({role}) بیک اپ بحال کرنے کی اجازت نہیں دیتا۔</translation>
    </message>
    <message>
        <source>The number of items to show must be at least 1.</source>
        <translation>دکھائی جانے والی اشیا کی تعداد کم از کم 1 ہونی چاہیے۔</translation>
    </message>
    <message>
        <source>There is no hearing with id {id}.</source>
        <translation>شناخت {id} والی کوئی پیشی موجود نہیں۔</translation>
    </message>
    <message>
        <source>Give a reason for deleting the hearing.</source>
        <translation>پیشی حذف کرنے کی وجہ لکھیں۔</translation>
    </message>
    <message>
        <source>{key} is not a diary item (they look like investigation:&lt;id&gt;; `tipdesk diary list` shows them).</source>
        <translation>‏{key} ڈائری کا کوئی اندراج نہیں (اندراج investigation:&lt;id&gt; کی طرح ہوتے ہیں؛ `tipdesk diary list` انہیں دکھاتا ہے)۔</translation>
    </message>
    <message>
        <source>{rule} is not a deadline rule in force (known: {known}).</source>
        <translation>‏{rule} مقررہ مدت کا کوئی نافذ قاعدہ نہیں (معلوم قواعد: {known})۔</translation>
    </message>
    <message>
        <source>A hearing is done when what happened is recorded: give what happened (and the next date, if the court gave one).</source>
        <translation>پیشی تب مکمل ہوتی ہے جب اس کی کارروائی درج ہو: کارروائی لکھیں (اور اگلی تاریخ، اگر عدالت نے دی ہو)۔</translation>
    </message>
    <message>
        <source>The next date ({next}) must be after today ({today}).</source>
        <translation>اگلی تاریخ ({next}) آج ({today}) کے بعد ہونی چاہیے۔</translation>
    </message>
    <message>
        <source>the image declares {what}, more than TIPDesk opens ({most} megapixels). Scan or save it at a lower resolution.</source>
        <translation>تصویر {what} بتاتی ہے، جو TIPDesk کی حد ({most} میگاپکسل) سے زیادہ ہے۔ اسے کم ریزولوشن پر اسکین یا محفوظ کریں۔</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>‏Windows کا پروگرام</translation>
    </message>
    <message>
        <source>a Linux program</source>
        <translation>‏Linux کا پروگرام</translation>
    </message>
    <message>
        <source>a macOS program</source>
        <translation>‏macOS کا پروگرام</translation>
    </message>
    <message>
        <source>a script</source>
        <translation>اسکرپٹ</translation>
    </message>
    <message>
        <source>{file} cannot be attached: {why}</source>
        <translation>‏{file} منسلک نہیں کی جا سکتی: {why}</translation>
    </message>
    <message>
        <source>its content is not one of the allowed types ({allowed}), whatever its name.</source>
        <translation>اس کا مواد اجازت شدہ اقسام ({allowed}) میں سے نہیں، نام خواہ کچھ بھی ہو۔</translation>
    </message>
    <message>
        <source>it is a zip archive, not an office document ({allowed} are allowed).</source>
        <translation>یہ zip آرکائیو ہے، آفس دستاویز نہیں (اجازت شدہ: {allowed})۔</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>یہ خالی ہے۔</translation>
    </message>
    <message>
        <source>it is an old-style Office file (.doc, .xls, .ppt) or an installer. Save it as .docx, .xlsx or PDF and attach that.</source>
        <translation>یہ پرانی طرز کی Office فائل (.doc, .xls, .ppt) یا انسٹالر ہے۔ اسے .docx، .xlsx یا PDF کے طور پر محفوظ کر کے وہ منسلک کریں۔</translation>
    </message>
    <message>
        <source>it is {what}; programs and scripts are never attached.</source>
        <translation>یہ {what} ہے؛ پروگرام اور اسکرپٹ کبھی منسلک نہیں کیے جاتے۔</translation>
    </message>
    <message>
        <source>it is not a readable {format} image (damaged?).</source>
        <translation>یہ پڑھی جانے کے قابل {format} تصویر نہیں (خراب ہے؟)۔</translation>
    </message>
    <message>
        <source>{width:,} x {height:,} pixels</source>
        <translation>‏{width:,} x {height:,} پکسل</translation>
    </message>
    <message>
        <source>it looks like a zip archive but is damaged.</source>
        <translation>یہ zip آرکائیو لگتی ہے مگر خراب ہے۔</translation>
    </message>
    <message>
        <source>its parts cannot be read (damaged or encrypted).</source>
        <translation>اس کے حصے پڑھے نہیں جا سکتے (خراب یا خفیہ کردہ)۔</translation>
    </message>
    <message>
        <source>far more pixels</source>
        <translation>کہیں زیادہ پکسل</translation>
    </message>
    <message>
        <source>it is an archive of too many parts for an office file.</source>
        <translation>یہ آرکائیو آفس فائل کے لیے بہت زیادہ حصوں پر مشتمل ہے۔</translation>
    </message>
    <message>
        <source>it would unpack to {unpacked} from {size}: that is a zip bomb, not a document.</source>
        <translation>یہ {size} سے کھل کر {unpacked} ہو جائے گی: یہ دستاویز نہیں، zip بم ہے۔</translation>
    </message>
    <message>
        <source>parts of it are encrypted. Remove the password first.</source>
        <translation>اس کے کچھ حصے خفیہ کردہ ہیں۔ پہلے پاس ورڈ ہٹائیں۔</translation>
    </message>
    <message>
        <source>it holds macros (a program inside the document). Save it as a document without macros (.docx, .xlsx) or as PDF.</source>
        <translation>اس میں میکرو (دستاویز کے اندر پروگرام) ہیں۔ اسے میکرو کے بغیر دستاویز (.docx، .xlsx) یا PDF کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>it is a macro-enabled document; save it without macros.</source>
        <translation>یہ میکرو والی دستاویز ہے؛ اسے میکرو کے بغیر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>There is no case with id {id}.</source>
        <translation>شناخت {id} والا کوئی مقدمہ موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no victim with id {id}.</source>
        <translation>شناخت {id} والا کوئی متاثرہ موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no accused with id {id}.</source>
        <translation>شناخت {id} والا کوئی ملزم موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no referral with id {id}.</source>
        <translation>شناخت {id} والا کوئی ریفرل موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no training with id {id}.</source>
        <translation>شناخت {id} والی کوئی تربیت موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no campaign with id {id}.</source>
        <translation>شناخت {id} والی کوئی مہم موجود نہیں۔</translation>
    </message>
    <message>
        <source>case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>متاثرہ</translation>
    </message>
    <message>
        <source>accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>ریفرل</translation>
    </message>
    <message>
        <source>training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>مہم</translation>
    </message>
    <message>
        <source>hearing</source>
        <translation>پیشی</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>منسلکہ فائل</translation>
    </message>
    <message>
        <source>The record was not saved: {problems}</source>
        <translation>ریکارڈ محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The case was not saved: {problems}</source>
        <translation>مقدمہ محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The victim was not saved: {problems}</source>
        <translation>متاثرہ کا ریکارڈ محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The accused was not saved: {problems}</source>
        <translation>ملزم کا ریکارڈ محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The referral was not saved: {problems}</source>
        <translation>ریفرل محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The training was not saved: {problems}</source>
        <translation>تربیت محفوظ نہیں کی گئی: {problems}</translation>
    </message>
    <message>
        <source>The campaign was not saved: {problems}</source>
        <translation>مہم محفوظ نہیں کی گئی: {problems}</translation>
    </message>
    <message>
        <source>The hearing was not saved: {problems}</source>
        <translation>پیشی محفوظ نہیں کی گئی: {problems}</translation>
    </message>
    <message>
        <source>The attachment was not saved: {problems}</source>
        <translation>فائل محفوظ نہیں کی گئی: {problems}</translation>
    </message>
    <message>
        <source>The passphrase was not saved: {problems}</source>
        <translation>پاس فریز محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>The user was not saved: {problems}</source>
        <translation>صارف محفوظ نہیں کیا گیا: {problems}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>‏{field}: {problem}</translation>
    </message>
    <message>
        <source>Say why the break is being recorded (a few words at least).</source>
        <translation>بتائیں کہ ٹوٹ کیوں درج کی جا رہی ہے (کم از کم چند الفاظ)۔</translation>
    </message>
    <message>
        <source>The audit log is not broken: there is nothing to record.</source>
        <translation>آڈٹ لاگ ٹوٹا ہوا نہیں: درج کرنے کو کچھ نہیں۔</translation>
    </message>
    <message>
        <source>The backup&apos;s audit log does not verify: {problem}.</source>
        <translation>بیک اپ کے آڈٹ لاگ کی تصدیق نہیں ہوتی: {problem}۔</translation>
    </message>
    <message>
        <source>{district} is not a district of the reference list (see `tipdesk reference districts`). Nothing was changed.</source>
        <translation>‏{district} حوالہ جاتی فہرست کا کوئی ضلع نہیں (`tipdesk reference districts` دیکھیں)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The case already belongs to {district}. Nothing was changed.</source>
        <translation>مقدمہ پہلے ہی {district} کا ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Say why the case is handed over (--reason). Nothing was changed.</source>
        <translation>بتائیں کہ مقدمہ کیوں حوالے کیا جا رہا ہے (--reason)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The reason is {n} characters long; at most {most} are kept. Nothing was changed.</source>
        <translation>وجہ {n} حروف لمبی ہے؛ زیادہ سے زیادہ {most} حروف رکھے جاتے ہیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case is already being handed over to {district} (asked on {day}); HQ has not moved it yet. Nothing was changed.</source>
        <translation>یہ مقدمہ پہلے ہی {district} کے حوالے کیا جا رہا ہے (درخواست {day} کو دی گئی)؛ ہیڈکوارٹر نے ابھی اسے منتقل نہیں کیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case belongs to {district}; only its owner district hands it over. Nothing was changed.</source>
        <translation>یہ مقدمہ {district} کا ہے؛ صرف اس کا مالک ضلع اسے حوالے کر سکتا ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The victims&apos; identities cannot be opened in this session (the identity key is not here yet): sign in again, then hand the case over. Nothing was changed.</source>
        <translation>اس سیشن میں متاثرین کی شناخت نہیں کھولی جا سکتی (شناخت کی کلید ابھی یہاں نہیں): دوبارہ سائن اِن کریں، پھر مقدمہ حوالے کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>HQ has not told this install which devices {district} has (its receipts list them): import HQ&apos;s latest receipt, or ask HQ to register that district&apos;s device first. Nothing was changed.</source>
        <translation>ہیڈکوارٹر نے اس تنصیب کو ابھی نہیں بتایا کہ {district} کے پاس کون سے آلات ہیں (اس کی رسیدوں میں ان کی فہرست ہوتی ہے): ہیڈکوارٹر کی تازہ ترین رسید درآمد کریں، یا ہیڈکوارٹر سے کہیں کہ پہلے اس ضلع کا آلہ رجسٹر کرے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Version {version} was saved before version history was kept (or is the current one); it cannot be restored.</source>
        <translation>ورژن {version} ورژن کی تاریخ رکھے جانے سے پہلے محفوظ ہوا تھا (یا یہی موجودہ ورژن ہے)؛ اسے بحال نہیں کیا جا سکتا۔</translation>
    </message>
    <message>
        <source>Version {version} holds the values the record has now.</source>
        <translation>ورژن {version} میں وہی قدریں ہیں جو ریکارڈ میں اب ہیں۔</translation>
    </message>
    <message>
        <source>The lock time must be between {least} and {most} minutes.</source>
        <translation>لاک ہونے کا وقت {least} سے {most} منٹ کے درمیان ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>The time between uploads must be between {least} and {most} minutes.</source>
        <translation>اپ لوڈز کا درمیانی وقفہ {least} سے {most} منٹ کے درمیان ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>The office needs a name.</source>
        <translation>دفتر کا نام درکار ہے۔</translation>
    </message>
    <message>
        <source>The office {name} is already in the list.</source>
        <translation>دفتر {name} پہلے سے فہرست میں موجود ہے۔</translation>
    </message>
    <message>
        <source>{kind} is not a kind of office.</source>
        <translation>‏{kind} دفتر کی کوئی قسم نہیں۔</translation>
    </message>
    <message>
        <source>{parent} is not a folder; nothing was written.</source>
        <translation>‏{parent} فولڈر نہیں؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>Write your name as it appears in “Investigating officer”.</source>
        <translation>اپنا نام اسی طرح لکھیں جیسے یہ «تفتیشی افسر» میں درج ہے۔</translation>
    </message>
    <message>
        <source>No accused of the review queue has the id {id}.</source>
        <translation>جائزہ قطار میں کسی ملزم کی شناخت {id} نہیں۔</translation>
    </message>
    <message>
        <source>{id} starts several ids of the queue; give more of it.</source>
        <translation>‏{id} قطار کی کئی شناختوں کا آغاز ہے؛ اس کا مزید حصہ لکھیں۔</translation>
    </message>
    <message>
        <source>The decision is one of: {decisions}.</source>
        <translation>فیصلہ ان میں سے ایک ہے: {decisions}۔</translation>
    </message>
    <message>
        <source>Say in a few words why (the note is kept in the audit log).</source>
        <translation>چند الفاظ میں وجہ بتائیں (یہ نوٹ آڈٹ لاگ میں رکھا جاتا ہے)۔</translation>
    </message>
    <message>
        <source>The note is {n:,} characters long; at most {most:,}.</source>
        <translation>نوٹ {n:,} حروف لمبا ہے؛ زیادہ سے زیادہ {most:,}۔</translation>
    </message>
    <message>
        <source>The accused of case {case} has no open overlap: it was reviewed by {who}.</source>
        <translation>مقدمہ {case} کے ملزم کا کوئی زیرِ التوا مماثلت نہیں: اس کا جائزہ {who} نے لیا۔</translation>
    </message>
    <message>
        <source>The case is no longer there.</source>
        <translation>مقدمہ اب موجود نہیں۔</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>نگران افسر</translation>
    </message>
    <message>
        <source>{service} is not a referral service (use one of: {known}).</source>
        <translation>‏{service} ریفرل کی کوئی خدمت نہیں (ان میں سے ایک استعمال کریں: {known})۔</translation>
    </message>
    <message>
        <source>No referral letter templates are installed.</source>
        <translation>ریفرل خط کا کوئی سانچہ نصب نہیں۔</translation>
    </message>
    <message>
        <source>Give a reason for deleting the record.</source>
        <translation>ریکارڈ حذف کرنے کی وجہ لکھیں۔</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>‏{problem}۔</translation>
    </message>
    <message>
        <source>{path} is not a folder; nothing was changed.</source>
        <translation>‏{path} فولڈر نہیں؛ کچھ تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>{file} holds an amendment whose commencement date is not confirmed ({n} version(s) dated {pending}, e.g. {first}). Give the date the law took effect (--effective-from YYYY-MM-DD), or write it in the file in place of &apos;commencement&apos;; nothing was changed.</source>
        <translation>‏{file} میں ایک ترمیم ہے جس کے نفاذ کی تاریخ کی تصدیق نہیں ہوئی ({n} ورژن جن کی تاریخ {pending} ہے، مثلاً {first})۔ قانون کے نافذ ہونے کی تاریخ دیں (--effective-from YYYY-MM-DD)، یا فائل میں &apos;commencement&apos; کی جگہ لکھیں؛ کچھ تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>A commencement date was given, but no version of {file} in the folder waits for one (effective_from {pending}); nothing was changed.</source>
        <translation>نفاذ کی تاریخ دی گئی، مگر فولڈر میں {file} کا کوئی ورژن اس کا منتظر نہیں (effective_from {pending})؛ کچھ تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>Only HQ installs reference updates; districts get them in receipts.</source>
        <translation>حوالہ جاتی اپ ڈیٹس صرف ہیڈکوارٹر نصب کرتا ہے؛ اضلاع کو یہ رسیدوں میں ملتی ہیں۔</translation>
    </message>
    <message>
        <source>No reference file ({names}) in {path}; nothing was changed.</source>
        <translation>‏{path} میں کوئی حوالہ جاتی فائل ({names}) نہیں؛ کچھ تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>{origin}: {rel} is not one of TIPDesk&apos;s reference files.</source>
        <translation>‏{origin}: {rel} TIPDesk کی حوالہ جاتی فائلوں میں سے نہیں۔</translation>
    </message>
    <message>
        <source>Reference file {path} is too large.</source>
        <translation>حوالہ جاتی فائل {path} بہت بڑی ہے۔</translation>
    </message>
    <message>
        <source>Reference file {path} must hold a JSON object.</source>
        <translation>حوالہ جاتی فائل {path} میں JSON آبجیکٹ ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>Reference file {path} is not UTF-8 JSON; nothing was changed.</source>
        <translation>حوالہ جاتی فائل {path} UTF-8 JSON نہیں؛ کچھ تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>imported without the date proceeded against and the outcome: the accused appears to be the same person as {victims} of this case, and a supervisor must review that first (review queue); import the register again after the review to bring them in</source>
        <translation>چالان کی تاریخ اور نتیجے کے بغیر درآمد کیا گیا: ملزم بظاہر وہی فرد ہے جو اس مقدمے میں {victims} ہے، اور پہلے نگران افسر کو اس کا جائزہ لینا ہوگا (جائزہ قطار)؛ جائزے کے بعد انہیں شامل کرنے کے لیے رجسٹر دوبارہ درآمد کریں</translation>
    </message>
    <message>
        <source>imported without the date proceeded against and the outcome: the accused may be the same person as {victims} of this case, and a supervisor must review that first (review queue); import the register again after the review to bring them in</source>
        <translation>چالان کی تاریخ اور نتیجے کے بغیر درآمد کیا گیا: ممکن ہے ملزم وہی فرد ہو جو اس مقدمے میں {victims} ہے، اور پہلے نگران افسر کو اس کا جائزہ لینا ہوگا (جائزہ قطار)؛ جائزے کے بعد انہیں شامل کرنے کے لیے رجسٹر دوبارہ درآمد کریں</translation>
    </message>
    <message>
        <source>This register was already imported; check it again to re-import.</source>
        <translation>یہ رجسٹر پہلے ہی درآمد ہو چکا ہے؛ دوبارہ درآمد کرنے کے لیے اسے دوبارہ جانچیں۔</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>درآمد منسوخ کر دی گئی؛ کچھ درآمد نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The office map sends {name} to {code}, which is not an office of this install.</source>
        <translation>دفاتر کا نقشہ {name} کو {code} سے ملاتا ہے، جو اس تنصیب کا دفتر نہیں۔</translation>
    </message>
    <message>
        <source>this required column is missing; add it to the header row</source>
        <translation>یہ لازمی کالم موجود نہیں؛ اسے سرخی کی قطار میں شامل کریں</translation>
    </message>
    <message>
        <source>this column is missing; its values are left empty (or as stored)</source>
        <translation>یہ کالم موجود نہیں؛ اس کی قدریں خالی (یا محفوظ شدہ کے مطابق) رہیں گی</translation>
    </message>
    <message>
        <source>not a column of the {sheet} sheet; it was ignored</source>
        <translation>یہ {sheet} شیٹ کا کالم نہیں؛ اسے نظرانداز کیا گیا</translation>
    </message>
    <message>
        <source>the column {column} appears twice (also as {other}); only the first is read</source>
        <translation>کالم {column} دو بار آیا ہے ({other} کے طور پر بھی)؛ صرف پہلا پڑھا جاتا ہے</translation>
    </message>
    <message>
        <source>merged cells: TIPDesk reads only the first cell of a merge; unmerge them and give every column its own name</source>
        <translation>ضم شدہ خانے: TIPDesk ضم شدہ خانوں میں سے صرف پہلا پڑھتا ہے؛ انہیں الگ کریں اور ہر کالم کو اپنا نام دیں</translation>
    </message>
    <message>
        <source>merged cells: TIPDesk reads only the first cell of a merge; unmerge them and write the value in every row</source>
        <translation>ضم شدہ خانے: TIPDesk ضم شدہ خانوں میں سے صرف پہلا پڑھتا ہے؛ انہیں الگ کریں اور ہر قطار میں قدر لکھیں</translation>
    </message>
    <message>
        <source>a row of another district ({district}); this install imports {own}&apos;s rows only</source>
        <translation>کسی دوسرے ضلع ({district}) کی قطار؛ یہ تنصیب صرف {own} کی قطاریں درآمد کرتی ہے</translation>
    </message>
    <message>
        <source>no case with this number in the Cases sheet or in TIPDesk; add the case first</source>
        <translation>اس نمبر کا کوئی مقدمہ نہ Cases شیٹ میں ہے نہ TIPDesk میں؛ پہلے مقدمہ شامل کریں</translation>
    </message>
    <message>
        <source>the case number is required</source>
        <translation>مقدمہ نمبر لازمی ہے</translation>
    </message>
    <message>
        <source>several cases in the file have this number ({where}); add the district and office columns to say which</source>
        <translation>فائل میں کئی مقدمات کا یہی نمبر ہے ({where})؛ کون سا مقدمہ ہے یہ بتانے کے لیے ضلع اور دفتر کے کالم شامل کریں</translation>
    </message>
    <message>
        <source>several stored cases have this number ({where}); add the district and office columns to say which</source>
        <translation>کئی محفوظ شدہ مقدمات کا یہی نمبر ہے ({where})؛ کون سا مقدمہ ہے یہ بتانے کے لیے ضلع اور دفتر کے کالم شامل کریں</translation>
    </message>
    <message>
        <source>the same case number, district and office as {row}; each case needs exactly one row</source>
        <translation>مقدمہ نمبر، ضلع اور دفتر وہی ہیں جو {row} کے ہیں؛ ہر مقدمے کی ٹھیک ایک قطار ہونی چاہیے</translation>
    </message>
    <message>
        <source>the same victim code as {row}; each victim needs one row and a code of their own</source>
        <translation>متاثرہ کا کوڈ وہی ہے جو {row} کا ہے؛ ہر متاثرہ کی ایک قطار اور اپنا الگ کوڈ ہونا چاہیے</translation>
    </message>
    <message>
        <source>this victim code already belongs to a victim of another case; victim codes are unique</source>
        <translation>یہ کوڈ پہلے ہی کسی دوسرے مقدمے کے متاثرہ کا ہے؛ متاثرہ کے کوڈ منفرد ہوتے ہیں</translation>
    </message>
    <message>
        <source>left out: its case ({row}) has errors</source>
        <translation>شامل نہیں کی گئی: اس کے مقدمے ({row}) میں غلطیاں ہیں</translation>
    </message>
    <message>
        <source>identical to row {row}; both are imported as separate sessions</source>
        <translation>قطار {row} جیسی ہی ہے؛ دونوں الگ الگ تربیتی نشستوں کے طور پر درآمد ہوتی ہیں</translation>
    </message>
    <message>
        <source>identical to row {row}; both are imported as separate campaigns</source>
        <translation>قطار {row} جیسی ہی ہے؛ دونوں الگ الگ مہمات کے طور پر درآمد ہوتی ہیں</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet TIPDesk can read: save the register as an Excel workbook (.xlsx) or as CSV UTF-8 (.csv).</source>
        <translation>‏{name} ایسی اسپریڈشیٹ نہیں جسے TIPDesk پڑھ سکے: رجسٹر کو Excel ورک بک (.xlsx) یا CSV UTF-8 (.csv) کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>no header row found in the first rows; the header names the columns, e.g. {columns}</source>
        <translation>ابتدائی قطاروں میں سرخی کی قطار نہیں ملی؛ سرخی کالموں کے نام بتاتی ہے، مثلاً {columns}</translation>
    </message>
    <message>
        <source>{name} is {size:.1f} MB; TIPDesk imports registers of up to {most:.0f} MB. Split it into smaller files (for example one per year) and import them one by one.</source>
        <translation>‏{name} کا حجم {size:.1f} MB ہے؛ TIPDesk زیادہ سے زیادہ {most:.0f} MB کے رجسٹر درآمد کرتا ہے۔ اسے چھوٹی فائلوں میں تقسیم کریں (مثلاً ہر سال کی ایک) اور ایک ایک کر کے درآمد کریں۔</translation>
    </message>
    <message>
        <source>{name} is empty: it is not a spreadsheet.</source>
        <translation>‏{name} خالی ہے: یہ اسپریڈشیٹ نہیں۔</translation>
    </message>
    <message>
        <source>{name} is saved as UTF-16 (&quot;Unicode text&quot;). Save it as &quot;CSV UTF-8 (Comma delimited)&quot; and import that.</source>
        <translation>‏{name} کو UTF-16 (&quot;Unicode text&quot;) کے طور پر محفوظ کیا گیا ہے۔ اسے &quot;CSV UTF-8 (Comma delimited)&quot; کے طور پر محفوظ کر کے وہ فائل درآمد کریں۔</translation>
    </message>
    <message>
        <source>{name} is not a text (CSV) file: it holds binary data.</source>
        <translation>‏{name} متنی (CSV) فائل نہیں: اس میں بائنری ڈیٹا ہے۔</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>‏{name} پڑھی نہیں جا سکی: {reason}۔</translation>
    </message>
    <message>
        <source>{where} goes past {max_rows:,} rows, the most TIPDesk imports at once. Split the register into smaller files and import them one by one.</source>
        <translation>‏{where} میں {max_rows:,} سے زیادہ قطاریں ہیں، جو TIPDesk ایک بار میں زیادہ سے زیادہ درآمد کرتا ہے۔ رجسٹر کو چھوٹی فائلوں میں تقسیم کریں اور ایک ایک کر کے درآمد کریں۔</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb)</source>
        <translation>‏Excel کی بائنری ورک بک (.xlsb)</translation>
    </message>
    <message>
        <source>{name} is {what}. Save the register as an Excel Workbook (.xlsx) or as CSV UTF-8 and import that.</source>
        <translation>‏{name} {what} ہے۔ رجسٹر کو Excel ورک بک (.xlsx) یا CSV UTF-8 کے طور پر محفوظ کر کے وہ فائل درآمد کریں۔</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (line {line} has a character in another encoding, such as Windows-1252). In Excel choose Save As &gt; &quot;CSV UTF-8 (Comma delimited)&quot; and import that file.</source>
        <translation>‏{name} UTF-8 متن نہیں (سطر {line} میں کسی دوسری انکوڈنگ، جیسے Windows-1252، کا حرف ہے)۔ Excel میں Save As &gt; &quot;CSV UTF-8 (Comma delimited)&quot; منتخب کریں اور وہ فائل درآمد کریں۔</translation>
    </message>
    <message>
        <source>{name} looks like an Excel workbook but is damaged (not a valid zip file).</source>
        <translation>‏{name} Excel ورک بک لگتی ہے مگر خراب ہے (درست zip فائل نہیں)۔</translation>
    </message>
    <message>
        <source>an OpenDocument file (.ods)</source>
        <translation>‏OpenDocument فائل (.ods)</translation>
    </message>
    <message>
        <source>a zip file, not an Excel workbook</source>
        <translation>‏zip فائل، نہ کہ Excel ورک بک</translation>
    </message>
    <message>
        <source>merged cells of one column: read as their value in every row they cover</source>
        <translation>ایک کالم کے ضم شدہ خانے: جن قطاروں پر وہ پھیلے ہیں ان سب میں ان کی قدر پڑھی گئی</translation>
    </message>
    <message>
        <source>the cell holds a formula whose result was never saved; open the file in Excel or LibreOffice so it calculates, save it, and import again (or paste the values instead of the formula)</source>
        <translation>خانے میں ایسا فارمولا ہے جس کا نتیجہ کبھی محفوظ نہیں ہوا؛ فائل کو Excel یا LibreOffice میں کھولیں تاکہ حساب ہو جائے، محفوظ کریں اور دوبارہ درآمد کریں (یا فارمولے کی جگہ قدریں چسپاں کریں)</translation>
    </message>
    <message>
        <source>the sheet {sheet} is missing; the workbook has: {names}</source>
        <translation>شیٹ {sheet} موجود نہیں؛ ورک بک میں یہ شیٹس ہیں: {names}</translation>
    </message>
    <message>
        <source>no register sheet found: name the sheets {sheets} (the workbook has: {names})</source>
        <translation>رجسٹر کی کوئی شیٹ نہیں ملی: شیٹس کے نام {sheets} رکھیں (ورک بک میں یہ ہیں: {names})</translation>
    </message>
    <message>
        <source>a second {sheet} sheet (the first is {first}); put all its rows in one sheet</source>
        <translation>دوسری {sheet} شیٹ (پہلی {first} ہے)؛ اس کی تمام قطاریں ایک ہی شیٹ میں رکھیں</translation>
    </message>
    <message>
        <source>a totals row, not a record: left out (also rows {rows})</source>
        <translation>میزان کی قطار، ریکارڈ نہیں: شامل نہیں کی گئی (قطاریں {rows} بھی)</translation>
    </message>
    <message>
        <source>a totals row, not a record: left out</source>
        <translation>میزان کی قطار، ریکارڈ نہیں: شامل نہیں کی گئی</translation>
    </message>
    <message>
        <source>this sheet is not a register sheet and was ignored (sheets: {sheets})</source>
        <translation>یہ رجسٹر کی شیٹ نہیں اور اسے نظرانداز کیا گیا (شیٹس: {sheets})</translation>
    </message>
    <message>
        <source>{what} not known: imported all the same, counted as unknown in every figure split by gender or age, and listed in Data quality</source>
        <translation>‏{what} معلوم نہیں: پھر بھی درآمد کیا گیا، جنس یا عمر کے لحاظ سے ہر عدد میں نامعلوم شمار ہوا، اور ڈیٹا کا معیار میں درج ہے</translation>
    </message>
    <message>
        <source>taken as {department}, a department of {province}, though {district} is in {district_province}; a supervisor should check it</source>
        <translation>اسے {department} سمجھا گیا، جو {province} کا محکمہ ہے، حالانکہ {district} {district_province} میں ہے؛ نگران افسر اسے جانچے</translation>
    </message>
    <message>
        <source>{n:,} victims&apos; gender</source>
        <translation>‏{n:,} متاثرین کی جنس</translation>
    </message>
    <message>
        <source>1 victim&apos;s gender</source>
        <translation>1 متاثرہ کی جنس</translation>
    </message>
    <message>
        <source>{n:,} victims&apos; age</source>
        <translation>‏{n:,} متاثرین کی عمر</translation>
    </message>
    <message>
        <source>1 victim&apos;s age</source>
        <translation>1 متاثرہ کی عمر</translation>
    </message>
    <message>
        <source>expected each agency with its number of participants, separated by ; (FIA: 5; Punjab Police: 10)</source>
        <translation>ہر ادارہ شرکاء کی تعداد کے ساتھ متوقع تھا، ; سے الگ (FIA: 5; Punjab Police: 10)</translation>
    </message>
    <message>
        <source>expected a real date (YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>درست تاریخ متوقع تھی (YYYY-MM-DD یا DD/MM/YYYY)</translation>
    </message>
    <message>
        <source>expected a real date (YYYY-MM-DD or DD/MM/YYYY); this day does not exist</source>
        <translation>درست تاریخ متوقع تھی (YYYY-MM-DD یا DD/MM/YYYY)؛ یہ دن موجود نہیں</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>مکمل عدد متوقع تھا</translation>
    </message>
    <message>
        <source>country (name or ISO code such as PK)</source>
        <translation>ملک (نام یا ISO کوڈ جیسے PK)</translation>
    </message>
    <message>
        <source>expected a {word} of the reference list (see the Lists sheet of the template)</source>
        <translation>حوالہ جاتی فہرست میں سے {word} متوقع تھا (ٹیمپلیٹ کی Lists شیٹ دیکھیں)</translation>
    </message>
    <message>
        <source>expected an age in whole years (or unknown)</source>
        <translation>مکمل برسوں میں عمر متوقع تھی (یا نامعلوم)</translation>
    </message>
    <message>
        <source>expected an office of this install (code or name); add the office, or map this name to an office code</source>
        <translation>اس تنصیب کا کوئی دفتر متوقع تھا (کوڈ یا نام)؛ دفتر شامل کریں، یا اس نام کو کسی دفتر کے کوڈ سے منسلک کریں</translation>
    </message>
    <message>
        <source>{bad} unknown; expected each to be a {word}: {items} (separate several by ;)</source>
        <translation>‏{bad} نامعلوم؛ ہر ایک {word} متوقع تھا: {items} (کئی ہوں تو ; سے الگ کریں)</translation>
    </message>
    <message>
        <source>{bad} unknown; expected each to be a {word} of the reference list (see the Lists sheet of the template) (separate several by ;)</source>
        <translation>‏{bad} نامعلوم؛ ہر ایک حوالہ جاتی فہرست میں سے {word} متوقع تھا (ٹیمپلیٹ کی Lists شیٹ دیکھیں) (کئی ہوں تو ; سے الگ کریں)</translation>
    </message>
    <message>
        <source>expected a {word}: {items}</source>
        <translation>‏{word} متوقع تھا: {items}</translation>
    </message>
    <message>
        <source>expected yes or no (also y/n, true/false, 1/0)</source>
        <translation>ہاں یا نہیں متوقع تھا (y/n، true/false، 1/0 بھی)</translation>
    </message>
    <message>
        <source>{bad} unknown; expected each to be an agency of the reference list (see the Lists sheet of the template)</source>
        <translation>‏{bad} نامعلوم؛ ہر ایک حوالہ جاتی فہرست کا ادارہ متوقع تھا (ٹیمپلیٹ کی Lists شیٹ دیکھیں)</translation>
    </message>
    <message>
        <source>expected female, male, transgender or unknown (or F, M, T, U)</source>
        <translation>خاتون، مرد، خواجہ سرا یا نامعلوم متوقع تھا (یا F، M، T، U)</translation>
    </message>
    <message>
        <source>expected a district&apos;s name (or a short form such as D.G. Khan)</source>
        <translation>ضلع کا نام متوقع تھا (یا مختصر صورت جیسے D.G. Khan)</translation>
    </message>
    <message>
        <source>expected a law of the sentencing rules ({known})</source>
        <translation>سزا کے قواعد کا کوئی قانون متوقع تھا ({known})</translation>
    </message>
    <message>
        <source>expected one of: {items}</source>
        <translation>ان میں سے ایک متوقع تھا: {items}</translation>
    </message>
    <message>
        <source>Coverage of the districts is HQ&apos;s view; a district sends bundles.</source>
        <translation>اضلاع کی کوریج ہیڈکوارٹر کا منظر ہے؛ ضلع بنڈل بھیجتا ہے۔</translation>
    </message>
    <message>
        <source>A district is stale after at least 1 day, not {stale_days}.</source>
        <translation>کوئی ضلع کم از کم 1 دن بعد پرانا شمار ہوتا ہے، {stale_days} نہیں۔</translation>
    </message>
    <message>
        <source>Unknown format {fmt}; use one of: {known}.</source>
        <translation>نامعلوم فارمیٹ {fmt}؛ ان میں سے ایک استعمال کریں: {known}۔</translation>
    </message>
    <message>
        <source>Unknown export {kind}; use one of: {known}.</source>
        <translation>نامعلوم برآمد {kind}؛ ان میں سے ایک استعمال کریں: {known}۔</translation>
    </message>
    <message>
        <source>{dest} is a folder; give the export a file name.</source>
        <translation>‏{dest} ایک فولڈر ہے؛ برآمد کو فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation>فولڈر {parent} موجود نہیں۔</translation>
    </message>
    <message>
        <source>Unknown language {language}; use one of: {choices}.</source>
        <translation>نامعلوم زبان {language}؛ ان میں سے ایک استعمال کریں: {choices}۔</translation>
    </message>
    <message>
        <source>A TIPDesk store already exists in {folder}; nothing was changed.</source>
        <translation>‏{folder} میں TIPDesk کا اسٹور پہلے سے موجود ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>A user name is needed.</source>
        <translation>صارف کا نام درکار ہے۔</translation>
    </message>
    <message>
        <source>No TIPDesk store in {folder}. Run `tipdesk init` (or start the app) to set one up.</source>
        <translation>‏{folder} میں TIPDesk کا کوئی اسٹور نہیں۔ اسے قائم کرنے کے لیے `tipdesk init` چلائیں (یا ایپ شروع کریں)۔</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow this ({permission}).</source>
        <translation>آپ کا کردار ({role}) اس کی اجازت نہیں دیتا ({permission})۔</translation>
    </message>
    <message>
        <source>{district} is not a district in the reference list.</source>
        <translation>‏{district} حوالہ جاتی فہرست میں کوئی ضلع نہیں۔</translation>
    </message>
    <message>
        <source>{name} is not a well-formed CSV file ({reason}).</source>
        <translation>‏{name} درست ساخت کی CSV فائل نہیں ({reason})۔</translation>
    </message>
    <message>
        <source>{name} could not be read as an Excel workbook: it may be damaged ({error}). Open it in Excel or LibreOffice and save it again.</source>
        <translation>‏{name} کو Excel ورک بک کے طور پر پڑھا نہیں جا سکا: ممکن ہے یہ خراب ہو ({error})۔ اسے Excel یا LibreOffice میں کھول کر دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <source>{name} could not be read to the end: it may be damaged ({error}). Open it in Excel or LibreOffice and save it again.</source>
        <translation>‏{name} آخر تک پڑھی نہیں جا سکی: ممکن ہے یہ خراب ہو ({error})۔ اسے Excel یا LibreOffice میں کھول کر دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <source>A district install needs its office (an FIA circle or station).</source>
        <translation>ضلعی تنصیب کو اپنا دفتر درکار ہے (FIA سرکل یا تھانہ)۔</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>رسید</translation>
    </message>
    <message>
        <source>enrolment file</source>
        <translation>اندراج فائل</translation>
    </message>
    <message>
        <source>device file</source>
        <translation>آلے کی فائل</translation>
    </message>
    <message>
        <source>This is a district install: {command} runs at HQ.</source>
        <translation>یہ ضلعی تنصیب ہے: {command} ہیڈکوارٹر پر چلتا ہے۔</translation>
    </message>
    <message>
        <source>This is the HQ install: {command} runs on a district install.</source>
        <translation>یہ ہیڈکوارٹر کی تنصیب ہے: {command} ضلعی تنصیب پر چلتا ہے۔</translation>
    </message>
    <message>
        <source>{name} is too large to be a TIPDesk {what}.</source>
        <translation>‏{name} اتنی بڑی ہے کہ TIPDesk کی {what} نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>فائل {path} موجود نہیں۔</translation>
    </message>
    <message>
        <source>{path} is a folder, not a {what}.</source>
        <translation>‏{path} ایک فولڈر ہے، {what} نہیں۔</translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation>‏{path} پڑھی نہیں جا سکی: {strerror}۔</translation>
    </message>
    <message>
        <source>Bundle {seq} is safe in this install&apos;s outbox (HQ has not acknowledged it) but could not be written to {out_dir} ({reason}). {there} Export again to another folder or stick: every bundle HQ has not acknowledged is written there.</source>
        <translation>بنڈل {seq} اس تنصیب کے آؤٹ باکس میں محفوظ ہے (ہیڈکوارٹر نے ابھی اسے تسلیم نہیں کیا) مگر {out_dir} میں لکھا نہیں جا سکا ({reason})۔ {there} کسی دوسرے فولڈر یا USB میں دوبارہ برآمد کریں: ہر وہ بنڈل جسے ہیڈکوارٹر نے تسلیم نہیں کیا وہاں لکھا جاتا ہے۔</translation>
    </message>
    <message>
        <source>Bundles {seqs} are in {out_dir}.</source>
        <translation>بنڈل {seqs} {out_dir} میں موجود ہیں۔</translation>
    </message>
    <message>
        <source>Nothing was written to {out_dir}.</source>
        <translation>‏{out_dir} میں کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>This install is not enrolled with HQ yet: run `tipdesk enroll FILE` with HQ&apos;s enrolment file first.</source>
        <translation>یہ تنصیب ابھی ہیڈکوارٹر کے ساتھ درج نہیں: پہلے ہیڈکوارٹر کی اندراج فائل کے ساتھ `tipdesk enroll FILE` چلائیں۔</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>‏{path} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <source>This receipt was not issued by the HQ this install is enrolled with. Nothing was changed.</source>
        <translation>یہ رسید اس ہیڈکوارٹر نے جاری نہیں کی جس کے ساتھ یہ تنصیب درج ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This receipt is for another device (…{device}), not this one (…{own}). Nothing was changed.</source>
        <translation>یہ رسید کسی دوسرے آلے (…{device}) کے لیے ہے، اس آلے (…{own}) کے لیے نہیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundles are in {out_dir}, but a case file marked for HQ could not be written there ({reason}). Export again to another folder or stick: every file HQ has not confirmed is written there.</source>
        <translation>بنڈل {out_dir} میں موجود ہیں، مگر ہیڈکوارٹر کے لیے نشان زد مقدمے کی ایک فائل وہاں لکھی نہیں جا سکی ({reason})۔ کسی دوسرے فولڈر یا USB میں دوبارہ برآمد کریں: ہر وہ فائل جس کی ہیڈکوارٹر نے تصدیق نہیں کی وہاں لکھی جاتی ہے۔</translation>
    </message>
    <message>
        <source>That enrolment file is this install&apos;s own. Nothing was changed.</source>
        <translation>یہ اندراج فائل اسی تنصیب کی اپنی ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The device&apos;s district {district} is not in HQ&apos;s reference list. Nothing was changed.</source>
        <translation>آلے کا ضلع {district} ہیڈکوارٹر کی حوالہ جاتی فہرست میں نہیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>No single registered device matches {wanted}.</source>
        <translation>کوئی ایک رجسٹر شدہ آلہ {wanted} سے مطابقت نہیں رکھتا۔</translation>
    </message>
    <message>
        <source>That device was revoked; a revoked device cannot be registered again (the district makes a new install). Nothing was changed.</source>
        <translation>یہ آلہ منسوخ کیا جا چکا ہے؛ منسوخ شدہ آلہ دوبارہ رجسٹر نہیں ہو سکتا (ضلع نئی تنصیب کرے)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>A device with that id is registered with other keys. Nothing was changed.</source>
        <translation>اس شناخت کا ایک آلہ دوسری کلیدوں کے ساتھ رجسٹر ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>1 backup recipient is not an age X25519 recipient (they start with age1).</source>
        <translation>بیک اپ کا 1 وصول کنندہ age X25519 وصول کنندہ نہیں (یہ age1 سے شروع ہوتے ہیں)۔</translation>
    </message>
    <message>
        <source>{n} backup recipients are not age X25519 recipients (they start with age1).</source>
        <translation>بیک اپ کے {n} وصول کنندگان age X25519 وصول کنندگان نہیں (یہ age1 سے شروع ہوتے ہیں)۔</translation>
    </message>
    <message>
        <source>A {kind} changed in this install ({id}) is too large for a bundle; nothing was exported. Report this to HQ&apos;s support.</source>
        <translation>اس تنصیب میں تبدیل شدہ ایک {kind} ({id}) بنڈل کے لیے بہت بڑا ہے؛ کچھ برآمد نہیں ہوا۔ ہیڈکوارٹر کی معاونت کو اس کی اطلاع دیں۔</translation>
    </message>
    <message>
        <source>This case file {what}; it was refused. Nothing was changed.</source>
        <translation>مقدمے کی یہ فائل {what}؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file comes from a device HQ has not registered (…{device}). Register it with `tipdesk device register` first. Nothing was changed.</source>
        <translation>مقدمے کی یہ فائل ایسے آلے سے آئی ہے جسے ہیڈکوارٹر نے رجسٹر نہیں کیا (…{device})۔ پہلے اسے `tipdesk device register` سے رجسٹر کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file comes from a revoked device (…{device}, revoked on {revoked_at}); it was refused. Nothing was changed.</source>
        <translation>مقدمے کی یہ فائل ایک منسوخ شدہ آلے سے آئی ہے (…{device}، {revoked_at} کو منسوخ کیا گیا)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file claims another district than its device&apos;s ({district}); it was refused. Nothing was changed.</source>
        <translation>مقدمے کی یہ فائل اپنے آلے کے ضلع ({district}) کے بجائے کسی اور ضلع کی ہونے کا دعویٰ کرتی ہے؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>belongs to a record HQ does not hold in the sending device&apos;s district ({district}; a device sends its own district&apos;s files only), or names its record wrongly</source>
        <translation>ایسے ریکارڈ سے متعلق ہے جو ہیڈکوارٹر کے پاس بھیجنے والے آلے کے ضلع ({district}) میں موجود نہیں (آلہ صرف اپنے ضلع کی فائلیں بھیجتا ہے)، یا اپنے ریکارڈ کا غلط حوالہ دیتی ہے</translation>
    </message>
    <message>
        <source>has the id of a file another install holds</source>
        <translation>کی شناخت کسی دوسری تنصیب کی فائل والی ہے</translation>
    </message>
    <message>
        <source>was removed at HQ</source>
        <translation>ہیڈکوارٹر پر ہٹائی جا چکی ہے</translation>
    </message>
    <message>
        <source>does not match the description its district&apos;s bundle gave of it</source>
        <translation>اس تفصیل سے مطابقت نہیں رکھتی جو اس کے ضلع کے بنڈل نے دی تھی</translation>
    </message>
    <message>
        <source>does not match its description (its SHA-256 differs)</source>
        <translation>اپنی تفصیل سے مطابقت نہیں رکھتی (اس کا SHA-256 مختلف ہے)</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>‏{path} پڑھی نہیں جا سکتی ({reason})۔</translation>
    </message>
    <message>
        <source>The case file&apos;s contents do not match its manifest; it was refused. Nothing was changed.</source>
        <translation>مقدمے کی فائل کے مندرجات اس کی فہرستِ مشمولات سے مطابقت نہیں رکھتے؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file cannot be taken at HQ. {problem}</source>
        <translation>یہ مقدمے کی فائل ہیڈکوارٹر میں نہیں لی جا سکتی۔ {problem}</translation>
    </message>
    <message>
        <source>Your database role may not record victims&apos; identifying details: a new victim or a change to a name, CNIC, phone or address is saved by an identity officer or comes from the district. Nothing was saved.</source>
        <translation>آپ کا ڈیٹا بیس رول متاثرین کی شناختی تفصیلات درج نہیں کر سکتا: نیا متاثرہ فرد، یا نام، شناختی کارڈ نمبر، فون یا پتے میں تبدیلی، شناخت افسر محفوظ کرتا ہے یا ضلع سے آتی ہے۔ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>is a {found}, not the {said} its description says</source>
        <translation>ایک {found} ہے، نہ کہ {said} جیسا اس کی تفصیل میں درج ہے</translation>
    </message>
    <message>
        <source>is not a file TIPDesk takes ({why})</source>
        <translation>ایسی فائل نہیں جو TIPDesk قبول کرتا ہے ({why})</translation>
    </message>
    <message>
        <source>is larger than it says</source>
        <translation>اپنے بیان کردہ حجم سے بڑی ہے</translation>
    </message>
    <message>
        <source>This bundle comes from a device HQ has not registered (…{device}, {district}). Register it with `tipdesk device register` first. Nothing was changed.</source>
        <translation>یہ بنڈل ایسے آلے سے آیا ہے جسے ہیڈکوارٹر نے رجسٹر نہیں کیا (…{device}، {district})۔ پہلے اسے `tipdesk device register` سے رجسٹر کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This bundle comes from a revoked device (…{device}, revoked on {revoked_at}); it was refused. Nothing was changed.</source>
        <translation>یہ بنڈل ایک منسوخ شدہ آلے سے آیا ہے (…{device}، {revoked_at} کو منسوخ کیا گیا)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This bundle is numbered {seq:,}, but the highest bundle HQ holds from its device is {highest:,}: a TIPDesk never numbers so far ahead; it was refused. Nothing was changed.</source>
        <translation>اس بنڈل کا نمبر {seq:,} ہے، مگر ہیڈکوارٹر کے پاس اس کے آلے کا سب سے بڑا بنڈل {highest:,} ہے: TIPDesk کبھی اتنا آگے کا نمبر نہیں دیتا؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This bundle claims district {code}, but its device (…{device}) is registered for {district} ({registered}); it was refused. Nothing was changed.</source>
        <translation>یہ بنڈل ضلع {code} کا دعویٰ کرتا ہے، مگر اس کا آلہ (…{device}) {district} ({registered}) کے لیے رجسٹر ہے؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Device …{device} is registered for a district that is not in HQ&apos;s reference list; nothing was written.</source>
        <translation>آلہ …{device} ایسے ضلع کے لیے رجسٹر ہے جو ہیڈکوارٹر کی حوالہ جاتی فہرست میں نہیں؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>{inbox} is not a folder.</source>
        <translation>‏{inbox} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <source>There is no registered device …{device}.</source>
        <translation>کوئی رجسٹر شدہ آلہ …{device} موجود نہیں۔</translation>
    </message>
    <message>
        <source>{out_dir} is not a folder.</source>
        <translation>‏{out_dir} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <source>A different bundle numbered {seq} from this device was imported before: the device may have been restored from an old backup. Nothing was changed.</source>
        <translation>اسی آلے سے نمبر {seq} کا ایک مختلف بنڈل پہلے درآمد ہو چکا ہے: ممکن ہے آلے کو کسی پرانے بیک اپ سے بحال کیا گیا ہو۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>no district</source>
        <translation>کوئی ضلع نہیں</translation>
    </message>
    <message>
        <source>HQ refused bundle {seq} of this device: {error}</source>
        <translation>ہیڈکوارٹر نے اس آلے کا بنڈل {seq} مسترد کر دیا: {error}</translation>
    </message>
    <message>
        <source>HQ already imported a different bundle {seq} from this device.</source>
        <translation>ہیڈکوارٹر اس آلے سے ایک مختلف بنڈل {seq} پہلے ہی درآمد کر چکا ہے۔</translation>
    </message>
    <message>
        <source>HQ already received a different bundle {seq} from this device.</source>
        <translation>ہیڈکوارٹر کو اس آلے سے ایک مختلف بنڈل {seq} پہلے ہی موصول ہو چکا ہے۔</translation>
    </message>
    <message>
        <source>This HQ install has no identity index key (its store is too old).</source>
        <translation>ہیڈکوارٹر کی اس تنصیب کے پاس شناختی اشاریے کی کلید نہیں (اس کا اسٹور بہت پرانا ہے)۔</translation>
    </message>
    <message>
        <source>This HQ keeps its records in its own store: back it up with `tipdesk backup`.</source>
        <translation>یہ ہیڈکوارٹر اپنے ریکارڈ اپنے اسٹور میں رکھتا ہے: اس کا بیک اپ `tipdesk backup` سے لیں۔</translation>
    </message>
    <message>
        <source>{backup_file} could not be read: {strerror}.</source>
        <translation>‏{backup_file} پڑھی نہیں جا سکی: {strerror}۔</translation>
    </message>
    <message>
        <source>{name} does not open with this HQ&apos;s key: it is not a backup of this HQ&apos;s database, or it is damaged. Nothing was changed.</source>
        <translation>‏{name} اس ہیڈکوارٹر کی کلید سے نہیں کھلتی: یہ اس ہیڈکوارٹر کے ڈیٹا بیس کا بیک اپ نہیں، یا خراب ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This HQ already keeps its records in PostgreSQL; nothing was changed.</source>
        <translation>یہ ہیڈکوارٹر پہلے ہی اپنے ریکارڈ PostgreSQL میں رکھتا ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The copy differs in {tables}; it was rolled back.</source>
        <translation>نقل {tables} میں مختلف ہے؛ اسے واپس لے لیا گیا۔</translation>
    </message>
    <message>
        <source>The audit chain does not verify in the copy (or the store&apos;s own chain has a recorded break); it was rolled back. Check it with `tipdesk audit verify`.</source>
        <translation>نقل میں آڈٹ سلسلے کی تصدیق نہیں ہوتی (یا اسٹور کے اپنے سلسلے میں ایک درج شدہ ٹوٹ ہے)؛ اسے واپس لے لیا گیا۔ اسے `tipdesk audit verify` سے جانچیں۔</translation>
    </message>
    <message>
        <source>The national report from the copy differs from the store&apos;s; it was rolled back and the HQ keeps its records in its own store. Please report this.</source>
        <translation>نقل سے بنی قومی رپورٹ اسٹور کی رپورٹ سے مختلف ہے؛ اسے واپس لے لیا گیا اور ہیڈکوارٹر اپنے ریکارڈ اپنے اسٹور ہی میں رکھتا ہے۔ براہِ کرم اس کی اطلاع دیں۔</translation>
    </message>
    <message>
        <source>The HQ database has not imported anything from device …{device} yet.</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس نے آلہ …{device} سے ابھی کچھ درآمد نہیں کیا۔</translation>
    </message>
    <message>
        <source>This HQ keeps its records in its own store: link a database first (`tipdesk hq database URL`).</source>
        <translation>یہ ہیڈکوارٹر اپنے ریکارڈ اپنے اسٹور میں رکھتا ہے: پہلے ڈیٹا بیس منسلک کریں (`tipdesk hq database URL`)۔</translation>
    </message>
    <message>
        <source>Give a reason (at least a few words) for revealing the identity.</source>
        <translation>شناخت ظاہر کرنے کی وجہ لکھیں (کم از کم چند الفاظ)۔</translation>
    </message>
    <message>
        <source>A different bundle numbered {seq} from this device was imported before: the device may have been restored from an old backup. Register it again as a new device. Nothing was changed.</source>
        <translation>اسی آلے سے نمبر {seq} کا ایک مختلف بنڈل پہلے درآمد ہو چکا ہے: ممکن ہے آلے کو کسی پرانے بیک اپ سے بحال کیا گیا ہو۔ اسے نئے آلے کے طور پر دوبارہ رجسٹر کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This receipt acknowledges more than this install ever sent: {what} Bundles this device did not make may have reached HQ (its key may have been copied): tell HQ. Nothing was changed.</source>
        <translation>یہ رسید اس سے زیادہ کو تسلیم کرتی ہے جتنا اس تنصیب نے کبھی بھیجا: {what} ممکن ہے ایسے بنڈل ہیڈکوارٹر تک پہنچے ہوں جو اس آلے نے نہیں بنائے (ہو سکتا ہے اس کی کلید نقل کی گئی ہو): ہیڈکوارٹر کو مطلع کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>HQ says it holds every change up to {acked:,}, but this install&apos;s bundles carried changes up to {last:,} only.</source>
        <translation>ہیڈکوارٹر کے مطابق اس کے پاس {acked:,} تک ہر تبدیلی موجود ہے، مگر اس تنصیب کے بنڈلوں میں صرف {last:,} تک تبدیلیاں تھیں۔</translation>
    </message>
    <message>
        <source>HQ says it holds every bundle up to {highest:,}, but this install made {n:,} bundle(s).</source>
        <translation>ہیڈکوارٹر کے مطابق اس کے پاس {highest:,} تک ہر بنڈل موجود ہے، مگر اس تنصیب نے {n:,} بنڈل بنائے۔</translation>
    </message>
    <message>
        <source>HQ misses bundle {seq:,}, which this install never made.</source>
        <translation>ہیڈکوارٹر کے پاس بنڈل {seq:,} موجود نہیں، جو اس تنصیب نے کبھی بنایا ہی نہیں۔</translation>
    </message>
    <message>
        <source>HQ&apos;s records back start after position {start:,} of its change log, but this install confirmed position {confirmed:,} at most.</source>
        <translation>ہیڈکوارٹر سے واپس آنے والے ریکارڈ اس کے تبدیلی ریکارڈ کے مقام {start:,} کے بعد سے شروع ہوتے ہیں، مگر اس تنصیب نے زیادہ سے زیادہ مقام {confirmed:,} کی تصدیق کی تھی۔</translation>
    </message>
    <message>
        <source>HQ imported a bundle {seq} this install never made.</source>
        <translation>ہیڈکوارٹر نے بنڈل {seq} درآمد کیا جو اس تنصیب نے کبھی بنایا ہی نہیں۔</translation>
    </message>
    <message>
        <source>HQ imported a bundle {seq:,} whose contents are not those of this install&apos;s bundle {seq:,}.</source>
        <translation>ہیڈکوارٹر نے بنڈل {seq:,} درآمد کیا جس کے مندرجات اس تنصیب کے بنڈل {seq:,} کے مندرجات نہیں۔</translation>
    </message>
    <message>
        <source>Say which version to keep: local or incoming.</source>
        <translation>بتائیں کون سا نسخہ رکھنا ہے: مقامی یا آنے والا (local یا incoming)۔</translation>
    </message>
    <message>
        <source>There is no conflict {id}.</source>
        <translation>کوئی تنازع {id} موجود نہیں۔</translation>
    </message>
    <message>
        <source>Conflict {id} is already closed ({status}).</source>
        <translation>تنازع {id} پہلے ہی بند ہو چکا ہے ({status})۔</translation>
    </message>
    <message>
        <source>Say local or incoming for {name}, not {side}.</source>
        <translation>‏{name} کے لیے local یا incoming لکھیں، {side} نہیں۔</translation>
    </message>
    <message>
        <source>{name} is not a field in which the two versions differ ({fields}).</source>
        <translation>‏{name} ایسا خانہ نہیں جس میں دونوں نسخے مختلف ہوں ({fields})۔</translation>
    </message>
    <message>
        <source>The {kind} of conflict {id} is not in the register.</source>
        <translation>تنازع {id} کا {kind} رجسٹر میں موجود نہیں۔</translation>
    </message>
    <message>
        <source>none do</source>
        <translation>کوئی بھی نہیں</translation>
    </message>
    <message>
        <source>There is no open conflict {id}.</source>
        <translation>کوئی کھلا تنازع {id} موجود نہیں۔</translation>
    </message>
    <message>
        <source>This bundle comes from a device HQ has not registered.</source>
        <translation>یہ بنڈل ایسے آلے سے آیا ہے جسے ہیڈکوارٹر نے رجسٹر نہیں کیا۔</translation>
    </message>
    <message>
        <source>The inbox already holds a different bundle {seq} from this device.</source>
        <translation>ان باکس میں اس آلے کا ایک مختلف بنڈل {seq} پہلے سے موجود ہے۔</translation>
    </message>
    <message>
        <source>This case file was made by another device.</source>
        <translation>مقدمے کی یہ فائل کسی دوسرے آلے نے بنائی ہے۔</translation>
    </message>
    <message>
        <source>{url} is not an https:// address of HQ.</source>
        <translation>‏{url} ہیڈکوارٹر کا https:// پتہ نہیں۔</translation>
    </message>
    <message>
        <source>HQ&apos;s certificate is configured as a file path by an older TIPDesk; run `tipdesk sync configure --hq-url URL --ca FILE` again (the certificate is then kept in the store).</source>
        <translation>ہیڈکوارٹر کا سرٹیفکیٹ TIPDesk کے پرانے ورژن نے فائل کے راستے کے طور پر درج کیا ہے؛ `tipdesk sync configure --hq-url URL --ca FILE` دوبارہ چلائیں (تب سرٹیفکیٹ اسٹور میں محفوظ رہے گا)۔</translation>
    </message>
    <message>
        <source>{name} is not a certificate (it is far too large).</source>
        <translation>‏{name} سرٹیفکیٹ نہیں (یہ بہت زیادہ بڑی ہے)۔</translation>
    </message>
    <message>
        <source>There is no certificate file {path}.</source>
        <translation>سرٹیفکیٹ فائل {path} موجود نہیں۔</translation>
    </message>
    <message>
        <source>{path} is a folder, not a certificate.</source>
        <translation>‏{path} ایک فولڈر ہے، سرٹیفکیٹ نہیں۔</translation>
    </message>
    <message>
        <source>{name} is not a certificate (PEM or DER X.509); give HQ&apos;s certificate file.</source>
        <translation>‏{name} سرٹیفکیٹ (PEM یا DER X.509) نہیں؛ ہیڈکوارٹر کی سرٹیفکیٹ فائل دیں۔</translation>
    </message>
    <message>
        <source>No HQ address is configured: run `tipdesk sync configure --hq-url URL` or give --hq-url.</source>
        <translation>ہیڈکوارٹر کا کوئی پتہ درج نہیں: `tipdesk sync configure --hq-url URL` چلائیں یا --hq-url دیں۔</translation>
    </message>
    <message>
        <source>HQ&apos;s certificate could not be verified ({reason}). Give HQ&apos;s certificate with --ca FILE, or check the HQ address.</source>
        <translation>ہیڈکوارٹر کے سرٹیفکیٹ کی تصدیق نہیں ہو سکی ({reason})۔ ہیڈکوارٹر کا سرٹیفکیٹ --ca FILE سے دیں، یا ہیڈکوارٹر کا پتہ جانچیں۔</translation>
    </message>
    <message>
        <source>There is no active user named {name}.</source>
        <translation>‏{name} نام کا کوئی فعال صارف موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no disabled user named {name}.</source>
        <translation>‏{name} نام کا کوئی غیر فعال صارف موجود نہیں۔</translation>
    </message>
    <message>
        <source>There is no case file with id {id}.</source>
        <translation>شناخت {id} والی کوئی مقدمے کی فائل موجود نہیں۔</translation>
    </message>
    <message>
        <source>Wrong recovery key.</source>
        <translation>ریکوری کلید غلط ہے۔</translation>
    </message>
    <message>
        <source>The key file {path} is inconsistent (a sealed key).</source>
        <translation>کلیدی فائل {path} میں تضاد ہے (ایک مہر بند کلید)۔</translation>
    </message>
    <message>
        <source>The key file {path} is inconsistent (key check failed).</source>
        <translation>کلیدی فائل {path} میں تضاد ہے (کلید کی جانچ ناکام)۔</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait 1 second before trying again.</source>
        <translation>بہت زیادہ ناکام کوششیں۔ دوبارہ کوشش سے پہلے 1 سیکنڈ انتظار کریں۔</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {n} seconds before trying again.</source>
        <translation>بہت زیادہ ناکام کوششیں۔ دوبارہ کوشش سے پہلے {n} سیکنڈ انتظار کریں۔</translation>
    </message>
    <message>
        <source>This {kind} was changed elsewhere (version {stored}) since it was opened (version {opened}); reopen it and apply your change again.</source>
        <translation>اس {kind} کو کھولے جانے (ورژن {opened}) کے بعد کہیں اور تبدیل کیا گیا (ورژن {stored})؛ اسے دوبارہ کھولیں اور اپنی تبدیلی دوبارہ کریں۔</translation>
    </message>
    <message>
        <source>There is no user named {name}.</source>
        <translation>‏{name} نام کا کوئی صارف موجود نہیں۔</translation>
    </message>
    <message>
        <source>This install keeps no such audit log.</source>
        <translation>اس انسٹال میں ایسا کوئی آڈٹ لاگ نہیں۔</translation>
    </message>
    <message>
        <source>Accused {n}</source>
        <translation>ملزم {n}</translation>
    </message>
    <message>
        <source>Victim {n}</source>
        <translation>متاثرہ {n}</translation>
    </message>
    <message>
        <source>Referral {n}</source>
        <translation>ریفرل {n}</translation>
    </message>
    <message>
        <source>Not a victim record.</source>
        <translation>یہ متاثرہ فرد کا ریکارڈ نہیں۔</translation>
    </message>
    <message>
        <source>The HQ database is at schema step {found}; this TIPDesk needs step {latest}. Its owner links it first (`tipdesk hq database URL` with the login that owns the tables); then this login can be used. Nothing was changed.</source>
        <translation>ہیڈکوارٹر ڈیٹابیس اسکیما کے مرحلہ {found} پر ہے؛ اس TIPDesk کو مرحلہ {latest} درکار ہے۔ پہلے اس کا مالک اسے جوڑے (`tipdesk hq database URL` اس لاگ اِن کے ساتھ جو جدولوں کا مالک ہے)؛ پھر یہ لاگ اِن استعمال ہو سکتا ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database login {login} is for an HQ keeping its records in PostgreSQL; this HQ keeps them in its own store (see `tipdesk hq database`).</source>
        <translation>ڈیٹا بیس لاگ اِن {login} اُس ہیڈکوارٹر کے لیے ہے جو اپنے ریکارڈ PostgreSQL میں رکھتا ہے؛ یہ ہیڈکوارٹر انہیں اپنے اسٹور میں رکھتا ہے (دیکھیں `tipdesk hq database`)۔</translation>
    </message>
    <message>
        <source>The TIPDesk app has this store open; close it before rotating the keys (the app would be left with a key that no longer opens the store).</source>
        <translation>‏TIPDesk ایپ نے یہ اسٹور کھولا ہوا ہے؛ کلیدیں بدلنے سے پہلے اسے بند کریں (ورنہ ایپ کے پاس ایسی کلید رہ جائے گی جو اب اسٹور نہیں کھولتی)۔</translation>
    </message>
    <message>
        <source>A {role} install has roles: {allowed_roles}.</source>
        <translation>‏{role} تنصیب کے کردار یہ ہیں: {allowed_roles}۔</translation>
    </message>
    <message>
        <source>You cannot disable yourself; ask another admin.</source>
        <translation>آپ خود کو غیر فعال نہیں کر سکتے؛ کسی دوسرے منتظم سے کہیں۔</translation>
    </message>
    <message>
        <source>The user name {name} is empty or already taken.</source>
        <translation>صارف کا نام {name} خالی ہے یا پہلے سے لیا جا چکا ہے۔</translation>
    </message>
    <message>
        <source>A case file&apos;s description is damaged.</source>
        <translation>مقدمے کی ایک فائل کی تفصیل خراب ہے۔</translation>
    </message>
    <message>
        <source>A victim&apos;s file key does not open with this store&apos;s identity key.</source>
        <translation>متاثرہ کی فائل کی کلید اس اسٹور کی شناختی کلید سے نہیں کھلتی۔</translation>
    </message>
    <message>
        <source>This case file stays at its district: HQ has its description only (the district sends a file with Send to HQ).</source>
        <translation>مقدمے کی یہ فائل اپنے ضلع میں رہتی ہے: ہیڈکوارٹر کے پاس صرف اس کی تفصیل ہے (ضلع فائل «ہیڈکوارٹر کو بھیجیں» سے بھیجتا ہے)۔</translation>
    </message>
    <message>
        <source>A case file is damaged: its content does not match its checksum.</source>
        <translation>مقدمے کی ایک فائل خراب ہے: اس کا مواد اس کے checksum سے مطابقت نہیں رکھتا۔</translation>
    </message>
    <message>
        <source>A case file is damaged: part of it is missing.</source>
        <translation>مقدمے کی ایک فائل خراب ہے: اس کا کچھ حصہ غائب ہے۔</translation>
    </message>
    <message>
        <source>A case file is damaged: part of it does not decrypt.</source>
        <translation>مقدمے کی ایک فائل خراب ہے: اس کا کچھ حصہ کھولا نہیں جا سکتا۔</translation>
    </message>
    <message>
        <source>The audit log is broken ({problem}); nothing was saved. An administrator must review it (tipdesk audit verify) and record the break (tipdesk audit acknowledge) before changes can be saved again.</source>
        <translation>آڈٹ لاگ ٹوٹا ہوا ہے ({problem})؛ کچھ محفوظ نہیں ہوا۔ تبدیلیاں دوبارہ محفوظ ہونے سے پہلے کسی منتظم کو اس کا جائزہ لینا (tipdesk audit verify) اور ٹوٹ درج کرنا (tipdesk audit acknowledge) ہو گا۔</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved and stored data is unchanged.</source>
        <translation>ڈسک بھر گئی ہے: تبدیلی محفوظ نہیں ہوئی اور محفوظ ڈیٹا جوں کا توں ہے۔</translation>
    </message>
    <message>
        <source>The store is busy in another TIPDesk window or command; try again in a moment.</source>
        <translation>اسٹور TIPDesk کی کسی دوسری ونڈو یا کمانڈ میں مصروف ہے؛ تھوڑی دیر بعد دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>The database could not be read: it is damaged, or it does not belong to this key file.</source>
        <translation>ڈیٹا بیس پڑھا نہیں جا سکا: یہ خراب ہے، یا اس کلیدی فائل کا نہیں۔</translation>
    </message>
    <message>
        <source>The database file {name} is missing from the data folder.</source>
        <translation>ڈیٹا بیس فائل {name} ڈیٹا فولڈر میں موجود نہیں۔</translation>
    </message>
    <message>
        <source>The database file {name} is empty: it is damaged.</source>
        <translation>ڈیٹا بیس فائل {name} خالی ہے: یہ خراب ہے۔</translation>
    </message>
    <message>
        <source>The disk is full: nothing was written.</source>
        <translation>ڈسک بھر گئی ہے: کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>The store&apos;s {key} setting is damaged.</source>
        <translation>اسٹور کی ترتیب {key} خراب ہے۔</translation>
    </message>
    <message>
        <source>The identity key in the key file does not belong to this store.</source>
        <translation>کلیدی فائل میں موجود شناختی کلید اس اسٹور کی نہیں۔</translation>
    </message>
    <message>
        <source>The store has no identity key (its schema is too old).</source>
        <translation>اسٹور کے پاس شناختی کلید نہیں (اس کا اسکیما بہت پرانا ہے)۔</translation>
    </message>
    <message>
        <source>The store has no identity index key.</source>
        <translation>اسٹور کے پاس شناختی اشاریے کی کلید نہیں۔</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or is not a TIPDesk key file ({reason}).</source>
        <translation>کلیدی فائل {path} خراب ہے یا TIPDesk کی کلیدی فائل نہیں ({reason})۔</translation>
    </message>
    <message>
        <source>The key file {path} was written by a newer version of TIPDesk (key file version {version}; this TIPDesk reads version {reads}). Update TIPDesk to open it.</source>
        <translation>کلیدی فائل {path} کو TIPDesk کے نئے ورژن نے لکھا ہے (کلیدی فائل کا ورژن {version}؛ یہ TIPDesk ورژن {reads} پڑھتا ہے)۔ اسے کھولنے کے لیے TIPDesk اپ ڈیٹ کریں۔</translation>
    </message>
    <message>
        <source>That database key does not belong to this store.</source>
        <translation>یہ ڈیٹا بیس کلید اس اسٹور کی نہیں۔</translation>
    </message>
    <message>
        <source>A key file already exists at {path}; nothing was changed.</source>
        <translation>‏{path} پر کلیدی فائل پہلے سے موجود ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>No user would be able to open the store after the rotation.</source>
        <translation>کلیدیں بدلنے کے بعد کوئی صارف اسٹور نہیں کھول سکے گا۔</translation>
    </message>
    <message>
        <source>The last user cannot be removed; add another user first.</source>
        <translation>آخری صارف کو ہٹایا نہیں جا سکتا؛ پہلے کوئی دوسرا صارف شامل کریں۔</translation>
    </message>
    <message>
        <source>There is no key file at {path}. Create a store first (tipdesk init).</source>
        <translation>‏{path} پر کوئی کلیدی فائل موجود نہیں۔ پہلے اسٹور بنائیں (tipdesk init)۔</translation>
    </message>
    <message>
        <source>Another sign-in to this store is under way; try again in a moment.</source>
        <translation>اس اسٹور میں ایک اور سائن اِن جاری ہے؛ تھوڑی دیر بعد دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>That is not a recovery key: it has {n} letters and digits, in groups like ABCD-EFGH-…</source>
        <translation>یہ ریکوری کلید نہیں: اس میں {n} حروف اور ہندسے ہوتے ہیں، ABCD-EFGH-… جیسے گروپوں میں۔</translation>
    </message>
    <message>
        <source>This store was written by a newer TIPDesk (schema {version}; this version reads up to {latest}). Install the newer TIPDesk to open it; nothing was changed.</source>
        <translation>اس اسٹور کو TIPDesk کے نئے ورژن نے لکھا ہے (اسکیما {version}؛ یہ ورژن {latest} تک پڑھتا ہے)۔ اسے کھولنے کے لیے نیا TIPDesk نصب کریں؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>بیک اپ {path} میں لکھا گیا</translation>
    </message>
    <message>
        <source>Backup restored into {folder}</source>
        <translation>بیک اپ {folder} میں بحال کیا گیا</translation>
    </message>
    <message>
        <source>Say which user of the backup signs in with --user NAME.</source>
        <translation>بتائیں کہ بیک اپ کا کون سا صارف سائن اِن کرے گا: --user NAME۔</translation>
    </message>
    <message>
        <source>This laptop is now a new sync device ({device}). Before HQ accepts its bundles, send HQ its device file (tipdesk device export --out FILE) to register; HQ may revoke the old device.</source>
        <translation>یہ لیپ ٹاپ اب ہم آہنگی کا نیا آلہ ({device}) ہے۔ ہیڈکوارٹر اس کے بنڈل قبول کرے، اس سے پہلے اندراج کے لیے اس کی ڈیوائس فائل (tipdesk device export --out FILE) ہیڈکوارٹر کو بھیجیں؛ ہیڈکوارٹر پرانا آلہ منسوخ کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Removed case file {id}.</source>
        <translation>مقدمے کی فائل {id} ہٹا دی گئی۔</translation>
    </message>
    <message>
        <source>Case file {id} will go to HQ with the next export.</source>
        <translation>مقدمے کی فائل {id} اگلی برآمد کے ساتھ ہیڈکوارٹر جائے گی۔</translation>
    </message>
    <message>
        <source>Say whose files to list: a CASE_ID, or --record ID.</source>
        <translation>بتائیں کس کی فائلوں کی فہرست دکھانی ہے: CASE_ID، یا --record ID۔</translation>
    </message>
    <message>
        <source>Say who you are with --user NAME (or set {env}).</source>
        <translation>بتائیں آپ کون ہیں: --user NAME (یا {env} مقرر کریں)۔</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a file.</source>
        <translation>‏{path} ایک فولڈر ہے؛ فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>Cannot read {path}: permission denied.</source>
        <translation>‏{path} پڑھی نہیں جا سکتی: اجازت نہیں۔</translation>
    </message>
    <message>
        <source>There is no folder {path}.</source>
        <translation>فولڈر {path} موجود نہیں۔</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a file to write in it.</source>
        <translation>‏{path} ایک فولڈر ہے؛ اس میں لکھنے کے لیے فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>{path} is not a regular file; give the name of a file to write.</source>
        <translation>‏{path} عام فائل نہیں؛ لکھنے کے لیے فائل کا نام دیں۔</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; nothing was written.</source>
        <translation>فولڈر {folder} موجود نہیں؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>{folder} is not a folder; nothing was written.</source>
        <translation>‏{folder} فولڈر نہیں؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD).</source>
        <translation>‏{value} تاریخ نہیں (YYYY-MM-DD)۔</translation>
    </message>
    <message>
        <source>{path} is not valid JSON ({reason}).</source>
        <translation>‏{path} درست JSON نہیں ({reason})۔</translation>
    </message>
    <message>
        <source>{path} holds a number or a nesting too large to read.</source>
        <translation>‏{path} میں ایسا عدد یا اتنی گہری ترتیب ہے جو پڑھی نہیں جا سکتی۔</translation>
    </message>
    <message>
        <source>Cannot write in {folder}: permission denied or a read-only disk.</source>
        <translation>‏{folder} میں لکھا نہیں جا سکتا: اجازت نہیں یا ڈسک صرف پڑھنے کے لیے ہے۔</translation>
    </message>
    <message>
        <source>Cannot read {folder}: permission denied or a read-only disk.</source>
        <translation>‏{folder} پڑھا نہیں جا سکتا: اجازت نہیں یا ڈسک صرف پڑھنے کے لیے ہے۔</translation>
    </message>
    <message>
        <source>Done: {key} (due again on {day})</source>
        <translation>مکمل: {key} (دوبارہ {day} کو واجب)</translation>
    </message>
    <message>
        <source>Done: {key}</source>
        <translation>مکمل: {key}</translation>
    </message>
    <message>
        <source>Reopened: {key}</source>
        <translation>دوبارہ کھولا گیا: {key}</translation>
    </message>
    <message>
        <source>{key} was not marked done.</source>
        <translation>‏{key} مکمل قرار نہیں دیا گیا تھا۔</translation>
    </message>
    <message>
        <source>{value} is not a number of days (e.g. 7d or 2w).</source>
        <translation>‏{value} دنوں کی تعداد نہیں (مثلاً 7d یا 2w)۔</translation>
    </message>
    <message>
        <source>--due looks at most {most} days ahead.</source>
        <translation>‏--due زیادہ سے زیادہ {most} دن آگے دیکھتا ہے۔</translation>
    </message>
    <message>
        <source>{option} needs a date (YYYY-MM-DD).</source>
        <translation>‏{option} کے لیے تاریخ درکار ہے (YYYY-MM-DD)۔</translation>
    </message>
    <message>
        <source>--what, --next-purpose and --court are for hearings only.</source>
        <translation>‏--what، --next-purpose اور --court صرف پیشیوں کے لیے ہیں۔</translation>
    </message>
    <message>
        <source>Say what happened at the hearing with --what (and --next DATE when the court gave a next date).</source>
        <translation>پیشی میں کیا ہوا، --what سے بتائیں (اور اگر عدالت نے اگلی تاریخ دی تو --next DATE)۔</translation>
    </message>
    <message>
        <source>The case is read-only here now; the next bundle takes the handover to HQ.</source>
        <translation>مقدمہ اب یہاں صرف پڑھنے کے لیے ہے؛ اگلا بنڈل حوالگی کو ہیڈکوارٹر لے جائے گا۔</translation>
    </message>
    <message>
        <source>{district} gets the case with its next receipt.</source>
        <translation>‏{district} کو مقدمہ اپنی اگلی رسید کے ساتھ ملے گا۔</translation>
    </message>
    <message>
        <source>No handovers.</source>
        <translation>کوئی حوالگی نہیں۔</translation>
    </message>
    <message>
        <source>Importer workers take bundles from the PostgreSQL HQ&apos;s inbox; this HQ keeps its records in its own store (see `tipdesk hq database`).</source>
        <translation>درآمدی ورکر PostgreSQL والے ہیڈکوارٹر کے ان باکس سے بنڈل لیتے ہیں؛ یہ ہیڈکوارٹر اپنے ریکارڈ اپنے اسٹور میں رکھتا ہے (`tipdesk hq database` دیکھیں)۔</translation>
    </message>
    <message>
        <source>--workers must be 1 or more.</source>
        <translation>‏--workers کم از کم 1 ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>--nice must be from 0 to 19.</source>
        <translation>‏--nice کی قدر 0 سے 19 تک ہونی چاہیے۔</translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file, set {env}, or run in a terminal.</source>
        <translation>کوئی پاس فریز نہیں دیا گیا: --passphrase-file استعمال کریں، {env} مقرر کریں، یا ٹرمینل میں چلائیں۔</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>دونوں پاس فریز مختلف ہیں؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file {path}: {strerror}.</source>
        <translation>پاس فریز فائل {path} پڑھی نہیں جا سکی: {strerror}۔</translation>
    </message>
    <message>
        <source>{env}: {problem}</source>
        <translation>‏{env}: {problem}</translation>
    </message>
    <message>
        <source>{home} is not a folder: --home names the data folder.</source>
        <translation>‏{home} فولڈر نہیں: --home ڈیٹا فولڈر کا نام ہے۔</translation>
    </message>
    <message>
        <source>interrupted; nothing was changed.</source>
        <translation>روک دیا گیا؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>{file}: item {i} is not a JSON object.</source>
        <translation>‏{file}: اندراج {i} JSON آبجیکٹ نہیں۔</translation>
    </message>
    <message>
        <source>--reveal applies to victims only.</source>
        <translation>‏--reveal صرف متاثرین پر لاگو ہوتا ہے۔</translation>
    </message>
    <message>
        <source>Register template written to {path}</source>
        <translation>رجسٹر کا ٹیمپلیٹ {path} میں لکھا گیا</translation>
    </message>
    <message>
        <source>The template is an Excel workbook: give --out a name ending in .xlsx.</source>
        <translation>سانچہ Excel ورک بک ہے: --out کو ایسا نام دیں جو .xlsx پر ختم ہو۔</translation>
    </message>
    <message>
        <source>Cannot write {out}: {reason}.</source>
        <translation>‏{out} لکھی نہیں جا سکی: {reason}۔</translation>
    </message>
    <message>
        <source>--map-office takes NAME=CODE, not {pair}.</source>
        <translation>‏--map-office کی صورت NAME=CODE ہے، {pair} نہیں۔</translation>
    </message>
    <message>
        <source>--map-column takes &quot;HEADER=column&quot; (a register column, or - for none), not {pair}.</source>
        <translation>‏--map-column کی صورت &quot;HEADER=column&quot; ہے (رجسٹر کا کالم، یا کوئی نہیں کے لیے -)، {pair} نہیں۔</translation>
    </message>
    <message>
        <source>Give the period with --from DATE --to DATE (YYYY-MM-DD).</source>
        <translation>مدت --from DATE --to DATE (YYYY-MM-DD) سے دیں۔</translation>
    </message>
    <message>
        <source>--suppress-below must be 2 or more.</source>
        <translation>‏--suppress-below کم از کم 2 ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>Give --format json|csv|xlsx|pdf and --out FILE.</source>
        <translation>‏--format json|csv|xlsx|pdf اور --out FILE دیں۔</translation>
    </message>
    <message>
        <source>Reviewed: the accused of case {case} and victim {victims} are the same person.</source>
        <translation>جائزہ لیا گیا: مقدمہ {case} کا ملزم اور متاثرہ {victims} ایک ہی فرد ہیں۔</translation>
    </message>
    <message>
        <source>Reviewed: the accused of case {case} and victim {victims} are two different people.</source>
        <translation>جائزہ لیا گیا: مقدمہ {case} کا ملزم اور متاثرہ {victims} دو الگ افراد ہیں۔</translation>
    </message>
    <message>
        <source>A TIPDesk store already exists in {home}; nothing was changed.</source>
        <translation>‏{home} میں TIPDesk کا اسٹور پہلے سے موجود ہے؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>A district install needs --district and --office.</source>
        <translation>ضلعی تنصیب کے لیے --district اور --office درکار ہیں۔</translation>
    </message>
    <message>
        <source>Only an HQ install keeps its records in a PostgreSQL database.</source>
        <translation>صرف ہیڈکوارٹر کی تنصیب اپنے ریکارڈ PostgreSQL ڈیٹا بیس میں رکھتی ہے۔</translation>
    </message>
    <message>
        <source>--ca is the CA certificate of the --database server: give both.</source>
        <translation>‏--ca، --database سرور کا CA سرٹیفکیٹ ہے: دونوں دیں۔</translation>
    </message>
    <message>
        <source>The HQ store was created in {home}, but its database could not be set up: {problem} Fix that, then run `tipdesk hq database URL`. The recovery key is: {recovery}</source>
        <translation>ہیڈکوارٹر کا اسٹور {home} میں بن گیا، مگر اس کا ڈیٹا بیس تیار نہیں ہو سکا: {problem} اسے درست کریں، پھر `tipdesk hq database URL` چلائیں۔ ریکوری کلید یہ ہے: {recovery}</translation>
    </message>
    <message>
        <source>Device {device} ({district}) registered.</source>
        <translation>آلہ {device} ({district}) رجسٹر کیا گیا۔</translation>
    </message>
    <message>
        <source>Check the fingerprint above, then confirm with --yes. Nothing was changed.</source>
        <translation>اوپر دیا گیا فنگر پرنٹ جانچیں، پھر --yes سے تصدیق کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Not confirmed. Nothing was changed.</source>
        <translation>تصدیق نہیں ہوئی۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>--workers must be 0 or more.</source>
        <translation>‏--workers کم از کم 0 ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>No bundle or case file imported.</source>
        <translation>کوئی بنڈل یا مقدمے کی فائل درآمد نہیں ہوئی۔</translation>
    </message>
    <message>
        <source>The inbox holds no new bundle.</source>
        <translation>ان باکس میں کوئی نیا بنڈل نہیں۔</translation>
    </message>
    <message>
        <source>Write --field NAME=local or NAME=incoming, not {item}.</source>
        <translation>‏--field NAME=local یا NAME=incoming لکھیں، {item} نہیں۔</translation>
    </message>
    <message>
        <source>There is no file {name}.</source>
        <translation>فائل {name} موجود نہیں۔</translation>
    </message>
    <message>
        <source>Name the bundle files to import, or --inbox.</source>
        <translation>درآمد کرنے کے لیے بنڈل فائلوں کے نام دیں، یا --inbox۔</translation>
    </message>
    <message>
        <source>In the bundles {received:,}: accepted {accepted:,}, already up to date {up_to_date:,}, conflicts {conflicts:,}, quarantined {quarantined:,}.</source>
        <translation>بنڈلوں میں {received:,}: قبول {accepted:,}، پہلے سے تازہ {up_to_date:,}، تنازعات {conflicts:,}، قرنطینہ میں {quarantined:,}۔</translation>
    </message>
    <message>
        <source>Moved {n} imported file(s) to the inbox&apos;s imported folder.</source>
        <translation>‏{n} درآمد شدہ فائلیں ان باکس کے imported فولڈر میں منتقل کی گئیں۔</translation>
    </message>
    <message>
        <source>No devices registered.</source>
        <translation>کوئی آلہ رجسٹر نہیں۔</translation>
    </message>
    <message>
        <source>{name}: bundle {seq} from {where} was imported before: its {n:,} records are up to date; nothing changed.</source>
        <translation>‏{name}: {where} کا بنڈل {seq} پہلے درآمد ہو چکا ہے: اس کے {n:,} ریکارڈ تازہ ہیں؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Device …{device}: bundles {seqs} missing.</source>
        <translation>آلہ …{device}: بنڈل {seqs} موجود نہیں۔</translation>
    </message>
    <message>
        <source>This bundle declares {n:,} records; a bundle holds at most {most:,} (TIPDesk splits larger exports). It was refused. Nothing was changed.</source>
        <translation>یہ بنڈل {n:,} ریکارڈ ظاہر کرتا ہے؛ ایک بنڈل میں زیادہ سے زیادہ {most:,} ریکارڈ ہوتے ہیں (TIPDesk بڑی برآمدات کو تقسیم کرتا ہے)۔ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This bundle&apos;s contents ({size:,} bytes) are larger than {n:,} records may take ({limit:,} bytes); it was refused. Nothing was changed.</source>
        <translation>اس بنڈل کے مندرجات ({size:,} بائٹ) اس حد سے بڑے ہیں جو {n:,} ریکارڈ لے سکتے ہیں ({limit:,} بائٹ)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This bundle&apos;s contents hold about {found:,} values, more than {records:,} records may ({limit:,}); it was refused before reading them. Nothing was changed.</source>
        <translation>اس بنڈل کے مندرجات میں تقریباً {found:,} اقدار ہیں، جو {records:,} ریکارڈ کی حد ({limit:,}) سے زیادہ ہیں؛ انہیں پڑھنے سے پہلے ہی مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This receipt is larger than any receipt HQ makes; it was refused. Ask HQ for a new one. Nothing was changed.</source>
        <translation>یہ رسید ہیڈکوارٹر کی بنائی ہوئی کسی بھی رسید سے بڑی ہے؛ اسے مسترد کر دیا گیا۔ ہیڈکوارٹر سے نئی رسید طلب کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>the changes after {after:,} up to {through:,}</source>
        <translation>‏{after:,} کے بعد سے {through:,} تک کی تبدیلیاں</translation>
    </message>
    <message>
        <source>The bundle&apos;s manifest is not in the expected form; it was refused. Nothing was changed.</source>
        <translation>بنڈل کی فہرستِ مشمولات متوقع شکل میں نہیں؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle&apos;s contents do not match its manifest (it may have been re-signed by another device); it was refused. Nothing was changed.</source>
        <translation>بنڈل کے مندرجات اس کی فہرستِ مشمولات سے مطابقت نہیں رکھتے (ممکن ہے کسی دوسرے آلے نے اس پر دوبارہ دستخط کیے ہوں)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle claims {claim} but does not say where its records are in that range; it was refused. Nothing was changed.</source>
        <translation>بنڈل {claim} کا دعویٰ کرتا ہے مگر یہ نہیں بتاتا کہ اس کے ریکارڈ اس دائرے میں کہاں ہیں؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle&apos;s manifest claims {claim}, its contents the changes after {after:,} up to {through:,}; it was refused. Nothing was changed.</source>
        <translation>بنڈل کی فہرستِ مشمولات {claim} کا دعویٰ کرتی ہے، اور اس کے مندرجات {after:,} کے بعد سے {through:,} تک کی تبدیلیوں کا؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle does not give a change position for each of its records; it was refused. Nothing was changed.</source>
        <translation>بنڈل اپنے ہر ریکارڈ کی تبدیلی کا مقام نہیں بتاتا؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle claims {claim} but its records lie elsewhere (changes {low:,} to {high:,}, or one change twice); it was refused. Nothing was changed.</source>
        <translation>بنڈل {claim} کا دعویٰ کرتا ہے مگر اس کے ریکارڈ کہیں اور ہیں (تبدیلیاں {low:,} سے {high:,} تک، یا ایک تبدیلی دو بار)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle claims {claim} but holds changes up to {high:,} only; it was refused. Nothing was changed.</source>
        <translation>بنڈل {claim} کا دعویٰ کرتا ہے مگر اس میں صرف {high:,} تک تبدیلیاں ہیں؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle claims {claim} but holds no change; it was refused. Nothing was changed.</source>
        <translation>بنڈل {claim} کا دعویٰ کرتا ہے مگر اس میں کوئی تبدیلی نہیں؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>file</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>The {what} is damaged or incomplete (it was cut short or altered on the way); ask for it to be sent again. Nothing was changed.</source>
        <translation>‏{what} خراب یا نامکمل ہے (راستے میں اسے کاٹا یا بدلا گیا)؛ اسے دوبارہ بھیجنے کی درخواست کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This is not a TIPDesk bundle or receipt (it does not start like one). Nothing was changed.</source>
        <translation>یہ TIPDesk کا بنڈل یا رسید نہیں (اس کا آغاز ان جیسا نہیں)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This {what} was written by a newer TIPDesk (format {found}; this TIPDesk reads format {reads}). Update TIPDesk, then import it again. Nothing was changed.</source>
        <translation>اس {what} کو TIPDesk کے نئے ورژن نے لکھا ہے (فارمیٹ {found}؛ یہ TIPDesk فارمیٹ {reads} تک پڑھتا ہے)۔ TIPDesk کو اپ ڈیٹ کریں، پھر اسے دوبارہ درآمد کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This is a TIPDesk {kind}, not a {expected}. Nothing was changed.</source>
        <translation>یہ TIPDesk کی {kind} فائل ہے، {expected} نہیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This {kind} is too large to import ({size:,} bytes; the limit is {limit:,}). Nothing was changed.</source>
        <translation>اس {kind} کا حجم درآمد کے لیے بہت زیادہ ہے ({size:,} بائٹ؛ حد {limit:,} ہے)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This {kind} is not addressed to this install (it was encrypted for other keys). Nothing was changed.</source>
        <translation>اس {kind} کا مخاطب یہ تنصیب نہیں (اسے دوسری کلیدوں کے لیے خفیہ کیا گیا تھا)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This {kind} expands to more than its declared size of {declared:,} bytes (a decompression bomb, or a damaged file); it was refused. Nothing was changed.</source>
        <translation>اس {kind} کا کھلا ہوا حجم اس کے بیان کردہ {declared:,} بائٹ سے زیادہ ہے (ڈی کمپریشن بم، یا خراب فائل)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The signature of this {kind} does not verify: it was altered or damaged on the way, or it was not made by the device it names. Nothing was changed.</source>
        <translation>اس {kind} کے دستخط کی تصدیق نہیں ہوتی: راستے میں اسے بدلا گیا یا یہ خراب ہو گئی، یا اسے اس آلے نے نہیں بنایا جس کا یہ نام لیتی ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This {kind} cannot be decrypted with this install&apos;s key. Nothing was changed.</source>
        <translation>اس {kind} کو اس تنصیب کی کلید سے کھولا نہیں جا سکتا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>A case file&apos;s description in this file is not in the expected form; it was refused. Nothing was changed.</source>
        <translation>اس فائل میں مقدمے کی ایک فائل کی تفصیل متوقع شکل میں نہیں؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The case file is damaged or incomplete (it was cut short or altered on the way); ask for it to be sent again. Nothing was changed.</source>
        <translation>مقدمے کی فائل خراب یا نامکمل ہے (راستے میں اسے کاٹا یا بدلا گیا)؛ اسے دوبارہ بھیجنے کی درخواست کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This is not a TIPDesk case file (it does not start like one). Nothing was changed.</source>
        <translation>یہ TIPDesk کی مقدمے کی فائل نہیں (اس کا آغاز اس جیسا نہیں)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file was written by a newer TIPDesk (format {found}; this TIPDesk reads format {reads}). Update TIPDesk, then import it again. Nothing was changed.</source>
        <translation>مقدمے کی اس فائل کو TIPDesk کے نئے ورژن نے لکھا ہے (فارمیٹ {found}؛ یہ TIPDesk فارمیٹ {reads} تک پڑھتا ہے)۔ TIPDesk کو اپ ڈیٹ کریں، پھر اسے دوبارہ درآمد کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file holds more than {max_content:,} bytes, the most this install takes for one file (an administrator sets the limit in Settings); it was refused. Nothing was changed.</source>
        <translation>مقدمے کی اس فائل میں {max_content:,} بائٹ سے زیادہ ہیں، جو یہ تنصیب ایک فائل کے لیے زیادہ سے زیادہ قبول کرتی ہے (یہ حد منتظم ترتیبات میں مقرر کرتا ہے)؛ اسے مسترد کر دیا گیا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The signature of this case file does not verify: it was altered or damaged on the way, or it was not made by the device it names. Nothing was changed.</source>
        <translation>مقدمے کی اس فائل کے دستخط کی تصدیق نہیں ہوتی: راستے میں اسے بدلا گیا یا یہ خراب ہو گئی، یا اسے اس آلے نے نہیں بنایا جس کا یہ نام لیتی ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This case file cannot be decrypted with this install&apos;s key. Nothing was changed.</source>
        <translation>مقدمے کی اس فائل کو اس تنصیب کی کلید سے کھولا نہیں جا سکتا۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This is not a usable TIPDesk {what} ({why}). Nothing was changed.</source>
        <translation>یہ TIPDesk کی قابلِ استعمال {what} نہیں ({why})۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>بہت بڑی ہے</translation>
    </message>
    <message>
        <source>it is another kind of file</source>
        <translation>یہ کسی اور قسم کی فائل ہے</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>نامعلوم ورژن</translation>
    </message>
    <message>
        <source>no contents</source>
        <translation>کوئی مندرجات نہیں</translation>
    </message>
    <message>
        <source>no valid device id</source>
        <translation>آلے کی کوئی درست شناخت نہیں</translation>
    </message>
    <message>
        <source>no valid encryption key</source>
        <translation>خفیہ کاری کی کوئی درست کلید نہیں</translation>
    </message>
    <message>
        <source>unexpected contents</source>
        <translation>غیر متوقع مندرجات</translation>
    </message>
    <message>
        <source>a backup recipient is not a valid age recipient</source>
        <translation>بیک اپ کا ایک وصول کنندہ درست age وصول کنندہ نہیں</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>کوئی تاریخ نہیں</translation>
    </message>
    <message>
        <source>no office</source>
        <translation>کوئی دفتر نہیں</translation>
    </message>
    <message>
        <source>a field is not text</source>
        <translation>ایک خانہ متن نہیں</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>درست JSON نہیں</translation>
    </message>
    <message>
        <source>its signature does not verify: it was altered</source>
        <translation>اس کے دستخط کی تصدیق نہیں ہوتی: اسے بدلا گیا</translation>
    </message>
    <message>
        <source>The bundle&apos;s contents are not in the expected form ({why}); it was refused. Ask the district to update TIPDesk and export again. Nothing was changed.</source>
        <translation>بنڈل کے مندرجات متوقع شکل میں نہیں ({why})؛ اسے مسترد کر دیا گیا۔ ضلع سے کہیں کہ TIPDesk اپ ڈیٹ کر کے دوبارہ برآمد کرے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The receipt&apos;s contents are not valid; ask HQ for a new one. Nothing was changed.</source>
        <translation>رسید کے مندرجات درست نہیں؛ ہیڈکوارٹر سے نئی رسید طلب کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The receipt is not in the expected form; ask HQ for a new one. Nothing was changed.</source>
        <translation>رسید متوقع شکل میں نہیں؛ ہیڈکوارٹر سے نئی رسید طلب کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The PostgreSQL database already holds an HQ&apos;s records: copy into an empty database only. Nothing was changed.</source>
        <translation>‏PostgreSQL ڈیٹا بیس میں پہلے ہی کسی ہیڈکوارٹر کے ریکارڈ موجود ہیں: صرف خالی ڈیٹا بیس میں نقل کریں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s {name} was not found: install the distribution&apos;s postgresql-client package. Nothing was written.</source>
        <translation>‏PostgreSQL کا {name} نہیں ملا: آپریٹنگ سسٹم کا postgresql-client پیکیج انسٹال کریں۔ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>pg_dump failed (exit status {returncode}): check that this computer may read the HQ database. Nothing was written.</source>
        <translation>‏pg_dump ناکام ہوا (exit status {returncode}): جانچیں کہ یہ کمپیوٹر ہیڈکوارٹر کا ڈیٹا بیس پڑھ سکتا ہے۔ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>pg_restore failed (exit status {returncode}): restore into an empty database that this computer may write to.</source>
        <translation>‏pg_restore ناکام ہوا (exit status {returncode}): ایسے خالی ڈیٹا بیس میں بحال کریں جس میں یہ کمپیوٹر لکھ سکتا ہو۔</translation>
    </message>
    <message>
        <source>No {kind} with id {id}.</source>
        <translation>شناخت {id} کا کوئی {kind} موجود نہیں۔</translation>
    </message>
    <message>
        <source>The HQ database server&apos;s disk is full: nothing was saved.</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس سرور کی ڈسک بھر گئی ہے: کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The HQ database is busy (another import or analyst holds the same records); nothing was saved. Try again in a moment. (SQLSTATE {state})</source>
        <translation>ہیڈکوارٹر کا ڈیٹا بیس مصروف ہے (کوئی دوسری درآمد یا تجزیہ کار انہی ریکارڈ پر کام کر رہا ہے)؛ کچھ محفوظ نہیں ہوا۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔ (SQLSTATE {state})</translation>
    </message>
    <message>
        <source>The HQ database named in the connection does not exist: create it first (docs/install.md, HQ server).</source>
        <translation>کنکشن میں درج ہیڈکوارٹر کا ڈیٹا بیس موجود نہیں: پہلے اسے بنائیں (docs/install.md، HQ server)۔</translation>
    </message>
    <message>
        <source>The HQ database refused the sign-in (role or password): check the connection settings. (SQLSTATE {state})</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس نے سائن اِن مسترد کر دیا (رول یا پاس ورڈ): کنکشن کی ترتیبات جانچیں۔ (SQLSTATE {state})</translation>
    </message>
    <message>
        <source>The HQ database role used here may not do this; nothing was changed. (SQLSTATE {state})</source>
        <translation>یہاں استعمال ہونے والے ڈیٹا بیس رول کو یہ کام کرنے کی اجازت نہیں؛ کچھ تبدیل نہیں ہوا۔ (SQLSTATE {state})</translation>
    </message>
    <message>
        <source>The HQ database reports damaged data (SQLSTATE {state}): ask its administrator to check the server.</source>
        <translation>ہیڈکوارٹر کا ڈیٹا بیس خراب ڈیٹا کی اطلاع دیتا ہے (SQLSTATE {state}): اس کے منتظم سے سرور جانچنے کو کہیں۔</translation>
    </message>
    <message>
        <source>The HQ database server could not be reached: check that it runs and that this computer may connect to it. (SQLSTATE {state})</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس سرور تک رسائی نہیں ہو سکی: جانچیں کہ یہ چل رہا ہے اور یہ کمپیوٹر اس سے منسلک ہو سکتا ہے۔ (SQLSTATE {state})</translation>
    </message>
    <message>
        <source>The HQ database server is out of resources (SQLSTATE {state}); nothing was saved. Try again later.</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس سرور کے وسائل ختم ہو گئے ہیں (SQLSTATE {state})؛ کچھ محفوظ نہیں ہوا۔ بعد میں دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>A case file&apos;s key does not open with this HQ install&apos;s keys.</source>
        <translation>کیس فائل کی کلید اس HQ انسٹالیشن کی کلیدوں سے نہیں کھلتی۔</translation>
    </message>
    <message>
        <source>This HQ database still holds its identity index key in a table (linked by an earlier TIPDesk). Link it again from its HQ install (`tipdesk hq database URL`): the key is checked and removed from the database. Nothing was changed.</source>
        <translation>ہیڈکوارٹر کا یہ ڈیٹا بیس اب بھی اپنے شناختی اشاریے کی کلید ایک جدول میں رکھتا ہے (TIPDesk کے پرانے ورژن نے منسلک کیا تھا)۔ اسے اس کی ہیڈکوارٹر تنصیب سے دوبارہ منسلک کریں (`tipdesk hq database URL`): کلید جانچ کر ڈیٹا بیس سے ہٹا دی جاتی ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This HQ database is not linked to this HQ install (or was linked by an earlier TIPDesk): run `tipdesk hq database URL` first. Nothing was changed.</source>
        <translation>ہیڈکوارٹر کا یہ ڈیٹا بیس ہیڈکوارٹر کی اس تنصیب سے منسلک نہیں (یا TIPDesk کے پرانے ورژن نے منسلک کیا تھا): پہلے `tipdesk hq database URL` چلائیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>This HQ install&apos;s identity index key setting is damaged.</source>
        <translation>ہیڈکوارٹر کی اس تنصیب میں شناختی اشاریے کی کلید کی ترتیب خراب ہے۔</translation>
    </message>
    <message>
        <source>{login} is not a database login name (letters, digits, _, $ or -; at most 63 characters).</source>
        <translation>‏{login} ڈیٹا بیس لاگ اِن کا نام نہیں (حروف، ہندسے، _، $ یا -؛ زیادہ سے زیادہ 63 حروف)۔</translation>
    </message>
    <message>
        <source>The HQ database has schema version {found}; this TIPDesk knows up to {latest}. Update TIPDesk on this computer; nothing was changed.</source>
        <translation>ہیڈکوارٹر کے ڈیٹا بیس کا اسکیما ورژن {found} ہے؛ یہ TIPDesk صرف {latest} تک جانتا ہے۔ اس کمپیوٹر پر TIPDesk اپ ڈیٹ کریں؛ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database URL holds a password; TIPDesk stores the URL in its settings, so keep the password in ~/.pgpass (or a libpq service file) and give the URL without it. Nothing was changed.</source>
        <translation>ڈیٹا بیس کے URL میں پاس ورڈ شامل ہے؛ TIPDesk یہ URL اپنی ترتیبات میں محفوظ کرتا ہے، اس لیے پاس ورڈ ‎~/.pgpass‎ (یا libpq سروس فائل) میں رکھیں اور URL اس کے بغیر دیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database is reached over the network without sslmode=verify-full: TIPDesk talks to a remote HQ database only over TLS that checks the server&apos;s certificate and name (add ?sslmode=verify-full&amp;sslrootcert=CA-FILE), or through a Unix socket on this computer. Nothing was changed.</source>
        <translation>ڈیٹا بیس تک نیٹ ورک پر sslmode=verify-full کے بغیر رسائی ہو رہی ہے: TIPDesk ہیڈکوارٹر کے دور دراز ڈیٹا بیس سے صرف ایسے TLS پر بات کرتا ہے جو سرور کے سرٹیفکیٹ اور نام کی جانچ کرے (‎?sslmode=verify-full&amp;sslrootcert=CA-FILE‎ شامل کریں)، یا اسی کمپیوٹر پر Unix ساکٹ کے ذریعے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database URL could not be read; write it as postgresql://ROLE@HOST/DATABASE?sslmode=verify-full (docs/install.md, HQ server).</source>
        <translation>ڈیٹا بیس کا URL پڑھا نہیں جا سکا؛ اسے ‎postgresql://ROLE@HOST/DATABASE?sslmode=verify-full‎ کی صورت میں لکھیں (docs/install.md، HQ server)۔</translation>
    </message>
    <message>
        <source>{field} is not an identifying field of a victim.</source>
        <translation>‏{field} متاثرہ کی شناخت ظاہر کرنے والا خانہ نہیں۔</translation>
    </message>
    <message>
        <source>No victim with this id is in the HQ database.</source>
        <translation>اس شناخت کا کوئی متاثرہ ہیڈکوارٹر کے ڈیٹا بیس میں موجود نہیں۔</translation>
    </message>
    <message>
        <source>The database URL names a CA certificate file (sslrootcert); give the file with --ca FILE instead: TIPDesk keeps its content, so that swapping the file later cannot change whom HQ trusts. Nothing was changed.</source>
        <translation>ڈیٹا بیس کا URL ایک CA سرٹیفکیٹ فائل (sslrootcert) کا نام لیتا ہے؛ اس کے بجائے فائل --ca FILE سے دیں: TIPDesk اس کا مواد محفوظ رکھتا ہے، تاکہ بعد میں فائل بدلنے سے یہ نہ بدلے کہ ہیڈکوارٹر کس پر اعتماد کرتا ہے۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database is reached over the network: give the CA certificate that signed the server&apos;s certificate with --ca FILE (TLS with sslmode=verify-full checks the server against it). Nothing was changed.</source>
        <translation>ڈیٹا بیس تک نیٹ ورک پر رسائی ہو رہی ہے: وہ CA سرٹیفکیٹ --ca FILE سے دیں جس نے سرور کے سرٹیفکیٹ پر دستخط کیے (sslmode=verify-full کے ساتھ TLS سرور کو اسی سے جانچتا ہے)۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The database is reached through a Unix socket on this computer, which needs no CA certificate: leave out --ca. Nothing was changed.</source>
        <translation>ڈیٹا بیس تک اسی کمپیوٹر پر Unix ساکٹ کے ذریعے رسائی ہو رہی ہے، جس کے لیے CA سرٹیفکیٹ کی ضرورت نہیں: --ca ہٹا دیں۔ کچھ تبدیل نہیں ہوا۔</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>ڈائری</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>تربیت</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>سنک</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>رپورٹس</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>آڈٹ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>صارفین</translation>
    </message>
</context>
<context>
    <name>record_fields</name>
    <message>
        <source>Case number</source>
        <translation>مقدمہ نمبر</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>تاریخِ اندراج</translation>
    </message>
    <message>
        <source>Date of offence</source>
        <translation>تاریخِ وقوعہ</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>قانون</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>دفعات</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>استحصال کی اقسام</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>ذرائع</translation>
    </message>
    <message>
        <source>Transnational</source>
        <translation>بین الاقوامی</translation>
    </message>
    <message>
        <source>Countries on the route</source>
        <translation>راستے کے ممالک</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحلہ</translation>
    </message>
    <message>
        <source>Reason closed</source>
        <translation>بند کرنے کی وجہ</translation>
    </message>
    <message>
        <source>Official involved</source>
        <translation>ملوث اہلکار</translation>
    </message>
    <message>
        <source>Action taken against the official</source>
        <translation>اہلکار کے خلاف کی گئی کارروائی</translation>
    </message>
    <message>
        <source>Investigating officer</source>
        <translation>تفتیشی افسر</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>کیا ہوا</translation>
    </message>
    <message>
        <source>Dual role reviewed by</source>
        <translation>دوہرے کردار کا جائزہ از</translation>
    </message>
    <message>
        <source>Case (id)</source>
        <translation>مقدمہ (شناخت)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>ولدیت</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>‏CNIC</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>عمر (سال)</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>قومیت</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>گرفتاری</translation>
    </message>
    <message>
        <source>Section charged</source>
        <translation>عائد کردہ دفعہ</translation>
    </message>
    <message>
        <source>Proceeded against (challan) on</source>
        <translation>چالان کی تاریخ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Judgment date</source>
        <translation>تاریخِ فیصلہ</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>Imprisonment (months)</source>
        <translation>قید (ماہ)</translation>
    </message>
    <message>
        <source>Fine (PKR)</source>
        <translation>جرمانہ (روپے)</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>اپیل</translation>
    </message>
    <message>
        <source>May be a victim of the case</source>
        <translation>مقدمے کا ممکنہ متاثرہ</translation>
    </message>
    <message>
        <source>Overlaps reviewed</source>
        <translation>مماثلتوں کا جائزہ لیا گیا</translation>
    </message>
    <message>
        <source>Overlap reviewed on</source>
        <translation>مماثلت کے جائزے کی تاریخ</translation>
    </message>
    <message>
        <source>Overlap review decision</source>
        <translation>مماثلت کے جائزے کا فیصلہ</translation>
    </message>
    <message>
        <source>Victim code</source>
        <translation>متاثرہ کا کوڈ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاریخِ پیدائش</translation>
    </message>
    <message>
        <source>Identified on</source>
        <translation>تاریخِ شناخت</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>شناخت کنندہ</translation>
    </message>
    <message>
        <source>Indicators observed</source>
        <translation>مشاہدہ شدہ علامات</translation>
    </message>
    <message>
        <source>Consents to sharing identity</source>
        <translation>شناخت کے تبادلے پر رضامند</translation>
    </message>
    <message>
        <source>Protection measures</source>
        <translation>حفاظتی اقدامات</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
    <message>
        <source>Victim (id)</source>
        <translation>متاثرہ (شناخت)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>فراہم کنندہ</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>ریفرل کی تاریخ</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>نتیجے کی تاریخ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>موضوعات</translation>
    </message>
    <message>
        <source>Organising agency</source>
        <translation>منتظم ادارہ</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>تاریخِ آغاز</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>تاریخِ اختتام</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>مقام</translation>
    </message>
    <message>
        <source>Total trained</source>
        <translation>کل تربیت یافتہ</translation>
    </message>
    <message>
        <source>Women trained</source>
        <translation>تربیت یافتہ خواتین</translation>
    </message>
    <message>
        <source>Men trained</source>
        <translation>تربیت یافتہ مرد</translation>
    </message>
    <message>
        <source>Transgender trained</source>
        <translation>تربیت یافتہ خواجہ سرا</translation>
    </message>
    <message>
        <source>Trained by agency</source>
        <translation>ادارہ وار تربیت یافتہ</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>فہرستِ شرکاء</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>جتنے افراد تک پہنچے</translation>
    </message>
    <message>
        <source>National campaign</source>
        <translation>قومی مہم</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>ریکارڈ کی شناخت</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>بنایا گیا</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>بنانے والا</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>آخری بار محفوظ</translation>
    </message>
    <message>
        <source>Last saved by</source>
        <translation>آخری بار محفوظ کنندہ</translation>
    </message>
    <message>
        <source>Created on device</source>
        <translation>ڈیوائس جس پر بنایا گیا</translation>
    </message>
    <message>
        <source>Last saved on device</source>
        <translation>ڈیوائس جس پر آخری بار محفوظ ہوا</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>ورژن</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف کیا گیا</translation>
    </message>
    <message>
        <source>Owner district</source>
        <translation>مالک ضلع</translation>
    </message>
    <message>
        <source>Registered as</source>
        <translation>بطور درج</translation>
    </message>
    <message>
        <source>Kind of campaign</source>
        <translation>مہم کی قسم</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Case {title}</source>
        <translation>مقدمہ {title}</translation>
    </message>
    <message>
        <source>Accused {title}</source>
        <translation>ملزم {title}</translation>
    </message>
    <message>
        <source>Victim {title}</source>
        <translation>متاثرہ {title}</translation>
    </message>
    <message>
        <source>Referral to {title}</source>
        <translation>‏{title} کو ریفرل</translation>
    </message>
    <message>
        <source>Training: {title}</source>
        <translation>تربیت: {title}</translation>
    </message>
    <message>
        <source>Campaign: {title}</source>
        <translation>مہم: {title}</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>متاثرین</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>ریفرلز</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>تربیتیں</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>مہمات</translation>
    </message>
</context>
</TS>
