-- French and Arabic names for databases loaded before migration 0030 (issue 18), from translations.csv and
-- demo-translations.csv. Only rows whose English still matches and that have no translation yet change,
-- so a translation the secretariat has typed since stays as it is.
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant (EIIL) – noyau central', "name_ar" = 'تنظيم الدولة الإسلامية في العراق والشام (داعش) – التنظيم المركزي' WHERE "name" = 'Islamic State in Iraq and the Levant (''core'')' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant-Khorassan', "name_ar" = 'تنظيم داعش - ولاية خراسان' WHERE "name" = 'Islamic State in Iraq and the Levant - Khorasan' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'EIIL-K', "name_ar" = 'داعش-خراسان' WHERE "name" = 'ISIS-K' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'Province d''Afrique de l''Ouest de l''État islamique', "name_ar" = 'الدولة الإسلامية في غرب أفريقيا' WHERE "name" = 'Islamic State West Africa Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique au Sahel (anciennement État islamique du Grand Sahara)', "name_ar" = 'تنظيم الدولة الإسلامية - ولاية الساحل (تنظيم الدولة الإسلامية في الصحراء الكبرى سابقا)' WHERE "name" = 'Islamic State - Sahel Province (formerly Islamic State in the Greater Sahara)' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique en Afrique centrale', "name_ar" = 'تنظيم الدولة الإسلامية - ولاية وسط أفريقيا' WHERE "name" = 'Islamic State Central Africa Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique au Mozambique', "name_ar" = 'تنظيم الدولة الإسلامية - ولاية موزمبيق' WHERE "name" = 'Islamic State Mozambique Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique en Somalie', "name_ar" = 'داعش الصومال' WHERE "name" = 'Islamic State Somalia Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'Province du Sinaï de l''État islamique', "name_ar" = 'ولاية سيناء' WHERE "name" = 'ISIS-Sinai Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant en Libye', "name_ar" = 'تنظيم الدولة الإسلامية في العراق والشام - ليبيا' WHERE "name" = 'Islamic State in Iraq and the Levant - Libya' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'EIIL-Libye', "name_ar" = 'داعش ليبيا' WHERE "name" = 'ISIL-Libya' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant au Yémen', "name_ar" = 'تنظيم الدولة الإسلامية في العراق والشام - اليمن' WHERE "name" = 'Islamic State in Iraq and the Levant - Yemen' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant en Asie du Sud-Est', "name_ar" = 'تنظيم الدولة الإسلامية في العراق والشام في جنوب شرق آسيا' WHERE "name" = 'Islamic State in Iraq and the Levant in South-East Asia' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'Jund al-Khilafah en Tunisie', "name_ar" = 'جند الخلافة في تونس' WHERE "name" = 'Jund al-Khilafah in Tunisia' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'Daech Bangladesh', "name_ar" = 'الدولة الإسلامية في بنغلاديش' WHERE "name" = 'ISIS-Bangladesh' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique en Égypte', "name_ar" = 'داعش مصر' WHERE "name" = 'ISIS-Egypt' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'EIIL-Arabie saoudite', "name_ar" = 'داعش في السعودية' WHERE "name" = 'ISIL-Saudi Arabia' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique d''Iraq et du Levant – Province du Caucase', "name_ar" = 'تنظيم الدولة الإسلامية في العراق والشام - ولاية القوقاز' WHERE "name" = 'Islamic State of Iraq and the Levant - Caucasus Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique – Province du Pakistan', "name_ar" = 'تنظيم الدولة الإسلامية - ولاية باكستان' WHERE "name" = 'Islamic State Pakistan Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "name_fr" = 'État islamique – Province de l''Inde (Wilayat al-Hind)', "name_ar" = 'تنظيم الدولة الإسلامية - ولاية الهند' WHERE "name" = 'Islamic State Hind Province' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "name_fr" = 'al-Hol', "name_ar" = 'الهول' WHERE "name" = 'al-Hol' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "name_fr" = 'Roj', "name_ar" = 'روج' WHERE "name" = 'Roj' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion de Djeddah sur la lutte contre l’EIIL', "title_ar" = 'اجتماع جدة لمكافحة داعش' WHERE "title" = 'Jeddah meeting on countering ISIL' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Conférence de Paris sur la paix et la sécurité en Irak', "title_ar" = 'مؤتمر باريس حول السلام والأمن في العراق' WHERE "title" = 'Paris conference on peace and security in Iraq' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Première réunion ministérielle de la Coalition contre l’EIIL', "title_ar" = 'أول اجتماع وزاري للتحالف ضد داعش' WHERE "title" = 'First Counter-ISIL Coalition Ministerial' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion du Groupe restreint, Lancaster House', "title_ar" = 'اجتماع المجموعة المصغرة، لانكستر هاوس' WHERE "title" = 'Small Group meeting, Lancaster House' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion inaugurale du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع الافتتاحي لمجموعة مكافحة تمويل داعش' WHERE "title" = 'Inaugural meeting of the Counter-ISIL Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion du Groupe restreint', "title_ar" = 'اجتماع المجموعة المصغرة' WHERE "title" = 'Small Group meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des ministres des Affaires étrangères du Groupe restreint', "title_ar" = 'اجتماع وزراء خارجية المجموعة المصغرة' WHERE "title" = 'Small Group foreign ministers meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des ministres de la Défense des pays contributeurs de troupes', "title_ar" = 'اجتماع وزراء دفاع الدول المساهمة بقوات' WHERE "title" = 'Defence ministerial of troop-contributing countries' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle contre l’EIIL des ministres des Affaires étrangères et de la Défense', "title_ar" = 'الاجتماع الوزاري لمكافحة داعش لوزراء الخارجية والدفاع' WHERE "title" = 'Counter-ISIL Ministerial of foreign and defence ministers' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des ministres de la Coalition mondiale pour vaincre Daech', "title_ar" = 'اجتماع وزراء التحالف الدولي لهزيمة داعش' WHERE "title" = 'Meeting of Ministers of the Global Coalition on the Defeat of ISIS' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle du Groupe restreint en marge de l’Assemblée générale des Nations unies', "title_ar" = 'اجتماع وزاري للمجموعة المصغرة على هامش الجمعية العامة للأمم المتحدة' WHERE "title" = 'Small Group ministerial on the sidelines of UNGA' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '9e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع التاسع لمجموعة مكافحة تمويل داعش' WHERE "title" = '9th meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle de la Coalition mondiale pour vaincre Daech', "title_ar" = 'الاجتماع الوزاري للتحالف الدولي لهزيمة داعش' WHERE "title" = 'Ministerial Meeting of the Global Coalition to Defeat ISIS' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Cinquième réunion des ministres de la Défense de la Coalition contre Daech', "title_ar" = 'الاجتماع الخامس لوزراء دفاع التحالف الدولي لهزيمة داعش' WHERE "title" = 'Fifth Defeat-ISIS Defence Ministerial' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des directeurs politiques', "title_ar" = 'اجتماع المديرين السياسيين' WHERE "title" = 'Political Directors meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion de la Coalition accueillie par le secrétaire d’État Pompeo', "title_ar" = 'اجتماع التحالف الذي استضافه الوزير بومبيو' WHERE "title" = 'Coalition meeting hosted by Secretary Pompeo' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle de la Coalition mondiale', "title_ar" = 'الاجتماع الوزاري للتحالف الدولي' WHERE "title" = 'Global Coalition Ministerial' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '11e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع الحادي عشر لمجموعة مكافحة تمويل داعش' WHERE "title" = '11th meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion du Groupe de travail sur les combattants terroristes étrangers', "title_ar" = 'اجتماع مجموعة العمل الخاصة بالمقاتلين الإرهابيين الأجانب' WHERE "title" = 'Foreign Terrorist Fighters Working Group meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des co-présidents et des directeurs politiques', "title_ar" = 'اجتماع الرؤساء المشاركين والمديرين السياسيين' WHERE "title" = 'Co-leads and Political Directors meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des ministres des Affaires étrangères de la Coalition après la mort d’al-Baghdadi', "title_ar" = 'اجتماع وزراء خارجية التحالف بعد مقتل البغدادي' WHERE "title" = 'Meeting of Coalition foreign ministers after the death of al-Baghdadi' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '13e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع الثالث عشر لمجموعة مكافحة تمويل داعش' WHERE "title" = '13th meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle du Groupe restreint', "title_ar" = 'الاجتماع الوزاري للمجموعة المصغرة' WHERE "title" = 'Small Group ministerial' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle de la Coalition', "title_ar" = 'الاجتماع الوزاري للتحالف' WHERE "title" = 'Coalition Ministerial' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des directeurs politiques du Groupe restreint', "title_ar" = 'اجتماع المديرين السياسيين للمجموعة المصغرة' WHERE "title" = 'Political Directors Small Group meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle de la Coalition, la première tenue en Afrique', "title_ar" = 'الاجتماع الوزاري للتحالف، الأول الذي يُعقد في أفريقيا' WHERE "title" = 'Coalition Ministerial, the first held in Africa' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion du Groupe de travail sur la stabilisation', "title_ar" = 'اجتماع مجموعة العمل المعنية بتحقيق الاستقرار' WHERE "title" = 'Stabilisation Working Group meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion du Groupe de réflexion sur l’Afrique', "title_ar" = 'اجتماع مجموعة التركيز الخاصة بأفريقيا' WHERE "title" = 'Africa Focus Group meeting' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '18e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع الثامن عشر لمجموعة مكافحة تمويل داعش' WHERE "title" = '18th meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '20e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع العشرون لمجموعة مكافحة تمويل داعش' WHERE "title" = '20th meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion ministérielle de la Coalition, dix ans après sa création', "title_ar" = 'الاجتماع الوزاري للتحالف، بعد عشر سنوات على تأسيسه' WHERE "title" = 'Coalition Ministerial, ten years after the Coalition''s formation' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = '21e réunion du Groupe de lutte contre le financement de l’EIIL', "title_ar" = 'الاجتماع الحادي والعشرون لمجموعة مكافحة تمويل داعش' WHERE "title" = '21st meeting of the Counter ISIS Finance Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion inaugurale du Groupe de travail sur les déplacements de terroristes', "title_ar" = 'الاجتماع الافتتاحي لفريق العمل المعني بسفر الإرهابيين' WHERE "title" = 'Inaugural meeting of the Terrorist Travel Working Group' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "meetings" SET "title_fr" = 'Réunion des hauts fonctionnaires du Groupe restreint', "title_ar" = 'اجتماع كبار المسؤولين في المجموعة المصغرة' WHERE "title" = 'Small Group meeting of senior officials' AND "title_fr" IS NULL AND "title_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Conférence d’annonces de contributions en faveur de l’Irak (Washington, 2016)', "name_ar" = 'مؤتمر التعهدات لدعم العراق (واشنطن، 2016)' WHERE "name" = 'Pledging Conference in Support of Iraq (Washington, 2016)' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Stabilisation de la Syrie : fonds supplémentaires d’ici le sommet de l’OTAN de juillet 2018', "name_ar" = 'تحقيق الاستقرار في سوريا: أموال إضافية قبل قمة حلف شمال الأطلسي في يوليو 2018' WHERE "name" = 'Syria stabilization: additional funds by the July 2018 NATO Summit' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Stabilisation en Irak : engagements à juin 2018', "name_ar" = 'تحقيق الاستقرار في العراق: الالتزامات حتى يونيو 2018' WHERE "name" = 'Stabilization in Iraq: commitments as of June 2018' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Contributions à la stabilisation de la Syrie, 2018', "name_ar" = 'المساهمات في تحقيق الاستقرار في سوريا، 2018' WHERE "name" = 'Syria stabilization contributions, 2018' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Campagne d’annonces de contributions pour la stabilisation 2020', "name_ar" = 'حملة التعهدات لدعم الاستقرار لعام 2020' WHERE "name" = '2020 Stabilization Pledge Drive' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Campagne d’annonces de contributions pour la stabilisation 2021', "name_ar" = 'حملة التعهدات لدعم الاستقرار لعام 2021' WHERE "name" = '2021 Stabilization Pledge Drive' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Campagne d’annonces de contributions pour la stabilisation 2023', "name_ar" = 'حملة التعهدات لدعم الاستقرار لعام 2023' WHERE "name" = '2023 Stabilization Pledge Drive' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "funding_campaigns" SET "name_fr" = 'Campagne d’annonces de contributions pour la stabilisation 2024', "name_ar" = 'حملة التعهدات لدعم الاستقرار لعام 2024' WHERE "name" = '2024 Stabilization Pledge Drive' AND "name_fr" IS NULL AND "name_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Irak ; Syrie', "region_ar" = 'العراق؛ سوريا' WHERE "region" = 'Iraq; Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Irak ; Syrie', "region_ar" = 'العراق؛ سوريا' WHERE "region" = 'Iraq; Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Afghanistan ; Pakistan ; Asie centrale', "region_ar" = 'أفغانستان؛ باكستان؛ آسيا الوسطى' WHERE "region" = 'Afghanistan; Pakistan; Central Asia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Afghanistan ; Pakistan ; Asie centrale', "region_ar" = 'أفغانستان؛ باكستان؛ آسيا الوسطى' WHERE "region" = 'Afghanistan; Pakistan; Central Asia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Afrique de l’Ouest (bassin du lac Tchad)', "region_ar" = 'غرب أفريقيا (حوض بحيرة تشاد)' WHERE "region" = 'West Africa (Lake Chad Basin)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Afrique de l’Ouest (bassin du lac Tchad)', "region_ar" = 'غرب أفريقيا (حوض بحيرة تشاد)' WHERE "region" = 'West Africa (Lake Chad Basin)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Sahel (Mali ; Niger ; Burkina Faso)', "region_ar" = 'الساحل (مالي؛ النيجر؛ بوركينا فاسو)' WHERE "region" = 'Sahel (Mali; Niger; Burkina Faso)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Sahel (Mali ; Niger ; Burkina Faso)', "region_ar" = 'الساحل (مالي؛ النيجر؛ بوركينا فاسو)' WHERE "region" = 'Sahel (Mali; Niger; Burkina Faso)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'République démocratique du Congo ; Ouganda', "region_ar" = 'جمهورية الكونغو الديمقراطية؛ أوغندا' WHERE "region" = 'Democratic Republic of the Congo; Uganda' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'République démocratique du Congo ; Ouganda', "region_ar" = 'جمهورية الكونغو الديمقراطية؛ أوغندا' WHERE "region" = 'Democratic Republic of the Congo; Uganda' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Mozambique (Cabo Delgado)', "region_ar" = 'موزمبيق (كابو ديلغادو)' WHERE "region" = 'Mozambique (Cabo Delgado)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Mozambique (Cabo Delgado)', "region_ar" = 'موزمبيق (كابو ديلغادو)' WHERE "region" = 'Mozambique (Cabo Delgado)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Somalie (Puntland)', "region_ar" = 'الصومال (بونتلاند)' WHERE "region" = 'Somalia (Puntland)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Somalie (Puntland)', "region_ar" = 'الصومال (بونتلاند)' WHERE "region" = 'Somalia (Puntland)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Égypte (Sinaï)', "region_ar" = 'مصر (سيناء)' WHERE "region" = 'Egypt (Sinai)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Égypte (Sinaï)', "region_ar" = 'مصر (سيناء)' WHERE "region" = 'Egypt (Sinai)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Libye', "region_ar" = 'ليبيا' WHERE "region" = 'Libya' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Libye', "region_ar" = 'ليبيا' WHERE "region" = 'Libya' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Yémen', "region_ar" = 'اليمن' WHERE "region" = 'Yemen' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Yémen', "region_ar" = 'اليمن' WHERE "region" = 'Yemen' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Asie du Sud-Est (Philippines)', "region_ar" = 'جنوب شرق آسيا (الفلبين)' WHERE "region" = 'South-East Asia (Philippines)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Asie du Sud-Est (Philippines)', "region_ar" = 'جنوب شرق آسيا (الفلبين)' WHERE "region" = 'South-East Asia (Philippines)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Tunisie', "region_ar" = 'تونس' WHERE "region" = 'Tunisia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Tunisie', "region_ar" = 'تونس' WHERE "region" = 'Tunisia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Bangladesh', "region_ar" = 'بنغلاديش' WHERE "region" = 'Bangladesh' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Bangladesh', "region_ar" = 'بنغلاديش' WHERE "region" = 'Bangladesh' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Égypte (hors Sinaï)', "region_ar" = 'مصر (خارج سيناء)' WHERE "region" = 'Egypt (outside Sinai)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Égypte (hors Sinaï)', "region_ar" = 'مصر (خارج سيناء)' WHERE "region" = 'Egypt (outside Sinai)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Arabie saoudite', "region_ar" = 'السعودية' WHERE "region" = 'Saudi Arabia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Arabie saoudite', "region_ar" = 'السعودية' WHERE "region" = 'Saudi Arabia' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Caucase du Nord (Russie)', "region_ar" = 'شمال القوقاز (روسيا)' WHERE "region" = 'North Caucasus (Russia)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Caucase du Nord (Russie)', "region_ar" = 'شمال القوقاز (روسيا)' WHERE "region" = 'North Caucasus (Russia)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Pakistan', "region_ar" = 'باكستان' WHERE "region" = 'Pakistan' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Pakistan', "region_ar" = 'باكستان' WHERE "region" = 'Pakistan' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Inde (Jammu-et-Cachemire)', "region_ar" = 'الهند (جامو وكشمير)' WHERE "region" = 'India (Jammu and Kashmir)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Inde (Jammu-et-Cachemire)', "region_ar" = 'الهند (جامو وكشمير)' WHERE "region" = 'India (Jammu and Kashmir)' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Gouvernorat d’al-Hassaké, nord-est de la Syrie', "region_ar" = 'محافظة الحسكة، شمال شرق سوريا' WHERE "region" = 'al-Hasakah Governorate, north-east Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Gouvernorat d’al-Hassaké, nord-est de la Syrie', "region_ar" = 'محافظة الحسكة، شمال شرق سوريا' WHERE "region" = 'al-Hasakah Governorate, north-east Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "branches" SET "region_fr" = 'Gouvernorat d’al-Hassaké (près d’al-Malikiyah), nord-est de la Syrie', "region_ar" = 'محافظة الحسكة (قرب المالكية)، شمال شرق سوريا' WHERE "region" = 'al-Hasakah Governorate (near al-Malikiyah), north-east Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "detention_sites" SET "region_fr" = 'Gouvernorat d’al-Hassaké (près d’al-Malikiyah), nord-est de la Syrie', "region_ar" = 'محافظة الحسكة (قرب المالكية)، شمال شرق سوريا' WHERE "region" = 'al-Hasakah Governorate (near al-Malikiyah), north-east Syria' AND "region_fr" IS NULL AND "region_ar" IS NULL;
--> statement-breakpoint
UPDATE "incidents" SET "place_fr" = 'Porte Abbey, aéroport international Hamid-Karzaï', "place_ar" = 'بوابة آبي، مطار حامد كرزاي الدولي' WHERE "place" = 'Abbey Gate, Hamid Karzai International Airport' AND "place_fr" IS NULL AND "place_ar" IS NULL;
