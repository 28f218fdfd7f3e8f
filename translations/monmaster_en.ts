<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AccessibilityLog</name>
    <message>
        <source>annonce</source>
        <translation>announcement</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>focus</translation>
    </message>
    <message>
        <source>polie</source>
        <translation>polite</translation>
    </message>
    <message>
        <source>assertive</source>
        <translation>assertive</translation>
    </message>
    <message>
        <source>zone de mot de passe</source>
        <translation>password text</translation>
    </message>
    <message>
        <source>bouton</source>
        <translation>push button</translation>
    </message>
    <message>
        <source>case à cocher</source>
        <translation>check box</translation>
    </message>
    <message>
        <source>bouton radio</source>
        <translation>radio button</translation>
    </message>
    <message>
        <source>zone de texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>lien</source>
        <translation>link</translation>
    </message>
    <message>
        <source>groupe</source>
        <translation>grouping</translation>
    </message>
    <message>
        <source>liste</source>
        <translation>list</translation>
    </message>
    <message>
        <source>élément de liste</source>
        <translation>list item</translation>
    </message>
    <message>
        <source>tableau</source>
        <translation>table</translation>
    </message>
    <message>
        <source>cellule</source>
        <translation>table cell</translation>
    </message>
    <message>
        <source>ligne</source>
        <translation>table row</translation>
    </message>
    <message>
        <source>en-tête de colonne</source>
        <translation>column header</translation>
    </message>
    <message>
        <source>arborescence</source>
        <translation>tree</translation>
    </message>
    <message>
        <source>élément d&apos;arborescence</source>
        <translation>tree item</translation>
    </message>
    <message>
        <source>titre</source>
        <translation>heading</translation>
    </message>
    <message>
        <source>texte</source>
        <translation>label</translation>
    </message>
    <message>
        <source>paragraphe</source>
        <translation>paragraph</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>liste déroulante</source>
        <translation>combo box</translation>
    </message>
    <message>
        <source>zone numérique</source>
        <translation>spin button</translation>
    </message>
    <message>
        <source>curseur</source>
        <translation>slider</translation>
    </message>
    <message>
        <source>barre de progression</source>
        <translation>progress bar</translation>
    </message>
    <message>
        <source>barre de défilement</source>
        <translation>scroll bar</translation>
    </message>
    <message>
        <source>onglet</source>
        <translation>page tab</translation>
    </message>
    <message>
        <source>liste d&apos;onglets</source>
        <translation>page tab list</translation>
    </message>
    <message>
        <source>barre de menus</source>
        <translation>menu bar</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>menu</translation>
    </message>
    <message>
        <source>élément de menu</source>
        <translation>menu item</translation>
    </message>
    <message>
        <source>barre d&apos;outils</source>
        <translation>tool bar</translation>
    </message>
    <message>
        <source>barre d&apos;état</source>
        <translation>status bar</translation>
    </message>
    <message>
        <source>boîte de dialogue</source>
        <translation>dialog</translation>
    </message>
    <message>
        <source>fenêtre</source>
        <translation>window</translation>
    </message>
    <message>
        <source>panneau</source>
        <translation>panel</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>filler</translation>
    </message>
    <message>
        <source>formulaire</source>
        <translation>form</translation>
    </message>
    <message>
        <source>alerte</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>notification</translation>
    </message>
</context>
<context>
    <name>AccessibilityLogWindow</name>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Politesse ou rôle</source>
        <translation>Politeness or role</translation>
    </message>
    <message>
        <source>Texte ou nom</source>
        <translation>Text or name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Aucune entrée pour l&apos;instant.</source>
        <translation>No entry yet.</translation>
    </message>
    <message>
        <source>{count} entrées : les plus anciennes ne sont plus gardées.</source>
        <translation>{count} entries: the oldest are no longer kept.</translation>
    </message>
    <message>
        <source>Enregistrer le journal</source>
        <translation>Save the log</translation>
    </message>
    <message>
        <source>Texte (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>journal-accessibilite-{moment}.txt</source>
        <translation>accessibility-log-{moment}.txt</translation>
    </message>
    <message>
        <source>Journal enregistré : {path}</source>
        <translation>Log saved: {path}</translation>
    </message>
    <message>
        <source>Le journal n&apos;a pas pu être enregistré à cet endroit. Choisissez un autre dossier.</source>
        <translation>The log could not be saved there. Choose another folder.</translation>
    </message>
    <message>
        <source>Journal effacé.</source>
        <translation>Log cleared.</translation>
    </message>
</context>
<context>
    <name>AccessibilityLogWindowForm</name>
    <message>
        <source>Journal d&apos;accessibilité</source>
        <translation>Accessibility log</translation>
    </message>
    <message>
        <source>Chaque annonce envoyée aux lecteurs d&apos;écran et chaque déplacement du focus, avec l&apos;heure. Comparez-les avec ce que votre lecteur d&apos;écran a dit. Les textes saisis n&apos;y figurent jamais, et les déplacements du focus dans cette fenêtre ne sont pas notés.</source>
        <translation>Every announcement sent to screen readers and every move of the focus, with the time. Compare them with what your screen reader said. What is typed never appears here, and moves of the focus inside this window are not recorded.</translation>
    </message>
    <message>
        <source>Aucune entrée pour l&apos;instant.</source>
        <translation>No entry yet.</translation>
    </message>
    <message>
        <source>Entrées du journal</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <source>Enregistrer le journal…</source>
        <translation>Save the log…</translation>
    </message>
    <message>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Vide le journal. Enregistrez-le d&apos;abord si vous voulez le garder.</source>
        <translation>Empties the log. Save it first if you want to keep it.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AccessibilityMenu</name>
    <message>
        <source>Acce&amp;ssibilité</source>
        <translation>Acce&amp;ssibility</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>&amp;Aller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>Aller à</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>Ce scénario n&apos;a pas pu être ouvert. Votre fenêtre n&apos;a pas changé.</source>
        <translation>This scenario could not be opened. Your window has not changed.</translation>
    </message>
</context>
<context>
    <name>ActivatedPage</name>
    <message>
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Compte activé</source>
        <translation>Account activated</translation>
    </message>
    <message>
        <source>Connectez-vous avec votre adresse électronique et votre mot de passe pour accéder à votre compte.</source>
        <translation>Sign in with your email address and your password to access your account.</translation>
    </message>
    <message>
        <source>Rester sur cette page</source>
        <translation>Stay on this page</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <source>&amp;Agrandir le texte</source>
        <translation>&amp;Enlarge text</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Reduce text</translation>
    </message>
    <message>
        <source>&amp;Taille normale du texte</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>T&amp;hème</source>
        <translation>T&amp;heme</translation>
    </message>
    <message>
        <source>Selon le &amp;système</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Clair</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>S&amp;ombre</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Contraste é&amp;levé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>selon le système</source>
        <translation>following the system</translation>
    </message>
    <message>
        <source>clair</source>
        <translation>light</translation>
    </message>
    <message>
        <source>sombre</source>
        <translation>dark</translation>
    </message>
    <message>
        <source>contraste élevé</source>
        <translation>high contrast</translation>
    </message>
    <message>
        <source>Taille du texte : {percent} %.</source>
        <translation>Text size: {percent}%.</translation>
    </message>
    <message>
        <source>Taille du texte : {percent} %, la plus grande taille.</source>
        <translation>Text size: {percent}%, the largest size.</translation>
    </message>
    <message>
        <source>Taille du texte : {percent} %, la plus petite taille.</source>
        <translation>Text size: {percent}%, the smallest size.</translation>
    </message>
    <message>
        <source>Thème : {name}.</source>
        <translation>Theme: {name}.</translation>
    </message>
    <message>
        <source>Thème : selon le système, actuellement {name}.</source>
        <translation>Theme: following the system, currently {name}.</translation>
    </message>
</context>
<context>
    <name>CandidaterPage</name>
    <message>
        <source>Créer un compte</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Mon Master</source>
        <translation>Mon Master</translation>
    </message>
    <message>
        <source>Candidater</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Vous devez créer votre compte afin de candidater. Cliquez sur « Créer un compte » pour vérifier que vous êtes concerné par la plateforme, puis choisir vos identifiants.</source>
        <translation>You must create your account in order to apply. Click &quot;Create an account&quot; to check that the platform is for you, then choose your credentials.</translation>
    </message>
    <message>
        <source>Vous avez déjà vos identifiants ? →</source>
        <translation>Already have your credentials? →</translation>
    </message>
</context>
<context>
    <name>CapsLockWatcher</name>
    <message>
        <source>Attention : la touche Verrouillage majuscules est activée.</source>
        <translation>Warning: the Caps Lock key is on.</translation>
    </message>
</context>
<context>
    <name>CaptchaForm</name>
    <message>
        <source>Captcha</source>
        <translation>Captcha</translation>
    </message>
    <message>
        <source>Écouter</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>CaptchaWidget</name>
    <message>
        <source>Image de captcha : {count} caractères déformés. Si vous ne pouvez pas la lire, répondez à la question ci-dessous.</source>
        <translation>Captcha image: {count} distorted characters. If you cannot read it, answer the question below.</translation>
    </message>
    <message>
        <source>Ou répondez à la question : {question}.</source>
        <translation>Or answer the question: {question}.</translation>
    </message>
    <message>
        <source>Question : {question}.</source>
        <translation>Question: {question}.</translation>
    </message>
    <message>
        <source>Nouveau code</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>Nouvelle question</source>
        <translation>New question</translation>
    </message>
    <message>
        <source>Caractères de l&apos;image ou réponse à la question</source>
        <translation>The image&apos;s characters or the answer to the question</translation>
    </message>
    <message>
        <source>Recopiez les caractères de l&apos;image, ou écrivez en chiffres le nombre de la question.</source>
        <translation>Copy the image&apos;s characters, or write the question&apos;s number in digits.</translation>
    </message>
    <message>
        <source>Réponse à la question</source>
        <translation>Answer to the question</translation>
    </message>
    <message>
        <source>Écrivez le nombre en chiffres.</source>
        <translation>Write the number in digits.</translation>
    </message>
    <message>
        <source>Nouveau captcha généré. Question : {question}.</source>
        <translation>New captcha generated. Question: {question}.</translation>
    </message>
    <message>
        <source>Nouvelle question générée : {question}.</source>
        <translation>New question generated: {question}.</translation>
    </message>
    <message>
        <source>Votre réponse au captcha est correcte.</source>
        <translation>Your answer to the captcha is correct.</translation>
    </message>
    <message>
        <source>{question}.</source>
        <translation>{question}.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Création de votre compte en cours…</source>
        <translation>Creating your account…</translation>
    </message>
    <message>
        <source>Création de votre compte en cours.</source>
        <translation>Creating your account.</translation>
    </message>
    <message>
        <source>Critère validé : {labels}.</source>
        <translation>Criterion met: {labels}.</translation>
    </message>
    <message>
        <source>Critères validés : {labels}.</source>
        <translation>Criteria met: {labels}.</translation>
    </message>
    <message>
        <source>Critère en erreur : {labels}.</source>
        <translation>Criterion not met: {labels}.</translation>
    </message>
    <message>
        <source>Critères en erreur : {labels}.</source>
        <translation>Criteria not met: {labels}.</translation>
    </message>
    <message>
        <source>Les mots de passe correspondent.</source>
        <translation>The passwords match.</translation>
    </message>
    <message>
        <source>Conditions générales d&apos;utilisation</source>
        <translation>Terms of use</translation>
    </message>
    <message>
        <source>Étape 1 sur 2</source>
        <translation>Step 1 of 2</translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation>Captcha</translation>
    </message>
    <message>
        <source>Étape 2 sur 2</source>
        <translation>Step 2 of 2</translation>
    </message>
    <message>
        <source>Choisir mes identifiants</source>
        <translation>Choose my credentials</translation>
    </message>
    <message>
        <source>Se créer un compte en choisissant un identifiant</source>
        <translation>Create an account by choosing a user name</translation>
    </message>
    <message>
        <source>Sauf mention contraire, tous les champs sont obligatoires.</source>
        <translation>Unless stated otherwise, every field is required.</translation>
    </message>
    <message>
        <source>Votre adresse électronique</source>
        <translation>Your email address</translation>
    </message>
    <message>
        <source>Par exemple : nom@example.com</source>
        <translation>For example: name@example.com</translation>
    </message>
    <message>
        <source>Votre mot de passe</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Pour créer votre mot de passe, vous devez utiliser :</source>
        <translation>To create your password, you must use:</translation>
    </message>
    <message>
        <source>Lire les recommandations de la Commission Nationale de l&apos;Informatique et des Libertés ↗.</source>
        <translation>Read the recommendations of the Commission Nationale de l&apos;Informatique et des Libertés (the French data protection authority) ↗.</translation>
    </message>
    <message>
        <source>Confirmez votre mot de passe</source>
        <translation>Confirm your password</translation>
    </message>
    <message>
        <source>J&apos;accepte que les informations saisies dans le formulaire soient utilisées pour créer mes identifiants et déclare accepter les conditions générales d&apos;utilisation de ce service.</source>
        <translation>I agree that the information entered in the form may be used to create my credentials and I declare that I accept the terms of use of this service.</translation>
    </message>
    <message>
        <source>Pour connaître et exercer vos droits relatifs à l&apos;utilisation des données collectées par ce formulaire, veuillez consulter nos conditions générales d&apos;utilisation ↗.</source>
        <translation>To learn about and exercise your rights regarding the use of the data collected by this form, please read our terms of use ↗.</translation>
    </message>
    <message>
        <source>Vous avez déjà vos identifiants ? →</source>
        <translation>Already have your credentials? →</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Charte des droits et devoirs du candidat</source>
        <translation>Charter of the candidate&apos;s rights and duties</translation>
    </message>
    <message>
        <source>Conditions générales d&apos;utilisation</source>
        <translation>Terms of use</translation>
    </message>
    <message>
        <source>Recommandations de la CNIL sur les mots de passe</source>
        <translation>The CNIL&apos;s recommendations on passwords</translation>
    </message>
    <message>
        <source>La procédure Études en France</source>
        <translation>The Études en France procedure</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>EligibilityPage</name>
    <message>
        <source>Créer mon compte</source>
        <translation>Create my account</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Je suis éligible. Le bouton Créer mon compte est disponible.</source>
        <translation>I am eligible. The Create my account button is available.</translation>
    </message>
    <message>
        <source>Le bouton Créer mon compte n&apos;est plus disponible.</source>
        <translation>The Create my account button is no longer available.</translation>
    </message>
    <message>
        <source>Si vous vous êtes trompé, vous pouvez modifier votre réponse ci-dessus.</source>
        <translation>If you made a mistake, you can change your answer above.</translation>
    </message>
</context>
<context>
    <name>EnrollmentWizard</name>
    <message>
        <source>Précédent</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to the home page</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>• {field} : {message}</source>
        <translation>• {field}: {message}</translation>
    </message>
</context>
<context>
    <name>IdleWarningForm</name>
    <message>
        <source>Êtes-vous toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Personne n&apos;a utilisé la borne depuis un moment. Sans réponse de votre part, la session se terminera et les informations saisies seront effacées pour la personne suivante.</source>
        <translation>Nobody has used the kiosk for a while. If you do not answer, the session will end and what was entered will be erased for the next person.</translation>
    </message>
    <message>
        <source>Pour continuer, appuyez sur une touche, touchez l&apos;écran ou choisissez « Continuer ».</source>
        <translation>To continue, press a key, touch the screen or choose &quot;Continue&quot;.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>La session se terminera dans {wait}.</source>
        <translation>The session will end in {wait}.</translation>
    </message>
    <message>
        <source>Êtes-vous toujours là ? Sans réponse, la session se terminera dans {wait} et les informations saisies seront effacées. Appuyez sur une touche ou choisissez « Continuer » pour continuer.</source>
        <translation>Are you still there? Without an answer, the session will end in {wait} and what was entered will be erased. Press a key or choose &quot;Continue&quot; to continue.</translation>
    </message>
    <message>
        <source>La session se terminera dans {wait}. Appuyez sur Entrée pour continuer.</source>
        <translation>The session will end in {wait}. Press Enter to continue.</translation>
    </message>
    <message>
        <source>Fin de la session dans {wait}.</source>
        <translation>The session ends in {wait}.</translation>
    </message>
    <message>
        <source>La session continue.</source>
        <translation>The session continues.</translation>
    </message>
    <message>
        <source>Nouvelle session. Rien de la personne précédente n&apos;a été conservé.</source>
        <translation>New session. Nothing of the previous person has been kept.</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Retour automatique à l&apos;accueil dans {wait}.</source>
        <translation>Automatic return to the home page in {wait}.</translation>
    </message>
    <message>
        <source>Retour automatique arrêté : vous restez sur cette page.</source>
        <translation>Automatic return stopped: you stay on this page.</translation>
    </message>
</context>
<context>
    <name>MailSentPage</name>
    <message>
        <source>Activez votre compte</source>
        <translation>Activate your account</translation>
    </message>
    <message>
        <source>Vous devez cliquer sur « Activer mon compte » dans ce courriel. La création de votre compte sera dès lors finalisée.</source>
        <translation>You must click &quot;Activate my account&quot; in this email. The creation of your account will then be complete.</translation>
    </message>
    <message>
        <source>NB</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Si après quelques minutes, vous n&apos;avez pas reçu de courriel, vérifiez que celui-ci n&apos;a pas été redirigé vers les Spams ou les courriers indésirables.</source>
        <translation>If after a few minutes you have not received an email, check that it has not been sent to your spam or junk mail.</translation>
    </message>
    <message>
        <source>Dans cette application, les courriels ne partent pas : ils arrivent dans la boîte de réception simulée.</source>
        <translation>In this application, emails are not sent out: they arrive in the simulated inbox.</translation>
    </message>
    <message>
        <source>Ouvrir la boîte de réception</source>
        <translation>Open the inbox</translation>
    </message>
    <message>
        <source>Renvoyer le courriel</source>
        <translation>Send the email again</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Courriels</source>
        <translation>&amp;Emails</translation>
    </message>
    <message>
        <source>&amp;Boîte de réception (simulée)</source>
        <translation>&amp;Inbox (simulated)</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À &amp;propos de {app}</source>
        <translation>&amp;About {app}</translation>
    </message>
    <message>
        <source>À propos de {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>Cette application reproduit hors ligne la création d&apos;un compte ; elle n&apos;est pas la plateforme officielle.</source>
        <translation>This application reproduces the creation of an account offline; it is not the official platform.</translation>
    </message>
    <message>
        <source>Interface en français.</source>
        <translation>Interface in English.</translation>
    </message>
</context>
<context>
    <name>Operator</name>
    <message>
        <source>De 6 à 12 chiffres.</source>
        <translation>6 to 12 digits.</translation>
    </message>
    <message>
        <source>Quitter la borne</source>
        <translation>Quit the kiosk</translation>
    </message>
    <message>
        <source>Comptes créés par heure aujourd&apos;hui</source>
        <translation>Accounts created per hour today</translation>
    </message>
    <message>
        <source>Aucun compte créé aujourd&apos;hui.</source>
        <translation>No account created today.</translation>
    </message>
    <message>
        <source>{hour} h : {count}</source>
        <translation>{count} at {hour}:00</translation>
    </message>
    <message>
        <source>{hour} h</source>
        <translation>{hour}:00</translation>
    </message>
    <message>
        <source> ; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Exporter les inscriptions</source>
        <translation>Export the registrations</translation>
    </message>
    <message>
        <source>Fichier CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Fichier JSON (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <source>inscriptions-{day}</source>
        <translation>registrations-{day}</translation>
    </message>
    <message>
        <source>Console de l&apos;opérateur ouverte.</source>
        <translation>Operator&apos;s console open.</translation>
    </message>
    <message>
        <source>EFFACER</source>
        <translation>ERASE</translation>
    </message>
    <message>
        <source>Pour confirmer, écrivez {word} dans le champ ci-dessous.</source>
        <translation>To confirm, type {word} in the field below.</translation>
    </message>
</context>
<context>
    <name>OperatorConsoleForm</name>
    <message>
        <source>Console de l&apos;opérateur</source>
        <translation>Operator&apos;s console</translation>
    </message>
    <message>
        <source>Inscriptions</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <source>Comptes créés par heure aujourd&apos;hui</source>
        <translation>Accounts created per hour today</translation>
    </message>
    <message>
        <source>Exporter les inscriptions</source>
        <translation>Export the registrations</translation>
    </message>
    <message>
        <source>Pour chaque compte : l&apos;adresse électronique, le statut, les dates de création, d&apos;activation et de consentement, la version des conditions générales d&apos;utilisation. Jamais de mot de passe ni de lien d&apos;activation.</source>
        <translation>For each account: the email address, the status, the creation, activation and consent dates, the version of the terms of use. Never a password or an activation link.</translation>
    </message>
    <message>
        <source>Inclure le journal des actions de l&apos;opérateur</source>
        <translation>Include the log of the operator&apos;s actions</translation>
    </message>
    <message>
        <source>Exporter en CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Exporter en JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <source>Fin du salon</source>
        <translation>End of the fair</translation>
    </message>
    <message>
        <source>Efface de cet ordinateur, définitivement, les comptes et les courriels simulés de tous les candidats. Exportez-les d&apos;abord si vous en avez besoin.</source>
        <translation>Permanently erases every candidate&apos;s accounts and simulated emails from this computer. Export them first if you need them.</translation>
    </message>
    <message>
        <source>Effacer toutes les données des candidats…</source>
        <translation>Erase all the candidates&apos; data…</translation>
    </message>
    <message>
        <source>Journal des actions</source>
        <translation>Log of actions</translation>
    </message>
    <message>
        <source>Quitter la borne</source>
        <translation>Quit the kiosk</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OperatorNewPinForm</name>
    <message>
        <source>Code opérateur de la borne</source>
        <translation>The kiosk&apos;s operator PIN</translation>
    </message>
    <message>
        <source>Choisir le code opérateur</source>
        <translation>Choose the operator PIN</translation>
    </message>
    <message>
        <source>Ce code ouvre la console de l&apos;opérateur : chiffres du jour, export des inscriptions, effacement des données des candidats en fin de salon, sortie de la borne. La console s&apos;ouvre avec la combinaison de touches Ctrl+Alt+Maj+O, qui n&apos;est affichée nulle part pour les candidats.</source>
        <translation>This PIN opens the operator&apos;s console: the day&apos;s figures, export of the registrations, erasure of the candidates&apos; data at the end of the fair, leaving the kiosk. The console opens with the key combination Ctrl+Alt+Shift+O, which is shown nowhere to candidates.</translation>
    </message>
    <message>
        <source>Le code comporte de 6 à 12 chiffres.</source>
        <translation>The PIN has 6 to 12 digits.</translation>
    </message>
    <message>
        <source>Nouveau code opérateur</source>
        <translation>New operator PIN</translation>
    </message>
    <message>
        <source>Confirmez le code opérateur</source>
        <translation>Confirm the operator PIN</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>OperatorPinForm</name>
    <message>
        <source>Accès opérateur</source>
        <translation>Operator access</translation>
    </message>
    <message>
        <source>Saisissez le code opérateur pour ouvrir la console de l&apos;opérateur.</source>
        <translation>Enter the operator PIN to open the operator&apos;s console.</translation>
    </message>
    <message>
        <source>Code opérateur</source>
        <translation>Operator PIN</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>OperatorPurgeForm</name>
    <message>
        <source>Effacer les données des candidats</source>
        <translation>Erase the candidates&apos; data</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Effacer définitivement</source>
        <translation>Erase permanently</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Lu</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Non lu</source>
        <translation>Unread</translation>
    </message>
</context>
<context>
    <name>OutboxWindow</name>
    <message>
        <source>Nouveau courriel : {subject}</source>
        <translation>New email: {subject}</translation>
    </message>
    <message>
        <source>Enregistrer le courriel</source>
        <translation>Save the email</translation>
    </message>
    <message>
        <source>Courriel (*.eml)</source>
        <translation>Email (*.eml)</translation>
    </message>
    <message>
        <source>courriel-{number}.eml</source>
        <translation>email-{number}.eml</translation>
    </message>
    <message>
        <source>Courriel enregistré : {path}</source>
        <translation>Email saved: {path}</translation>
    </message>
    <message>
        <source>Le courriel n&apos;a pas pu être enregistré à cet endroit. Choisissez un autre dossier.</source>
        <translation>The email could not be saved there. Choose another folder.</translation>
    </message>
    <message>
        <source>Objet : {subject}. De : {sender}. À : {recipient}. Date : {date}.</source>
        <translation>Subject: {subject}. From: {sender}. To: {recipient}. Date: {date}.</translation>
    </message>
</context>
<context>
    <name>OutboxWindowForm</name>
    <message>
        <source>Boîte de réception (simulée)</source>
        <translation>Inbox (simulated)</translation>
    </message>
    <message>
        <source>Les courriels ci-dessous n&apos;ont pas été envoyés : ils sont conservés sur cet ordinateur pour la démonstration.</source>
        <translation>The emails below have not been sent: they are kept on this computer for the demonstration.</translation>
    </message>
    <message>
        <source>Aucun courriel pour le moment.</source>
        <translation>No email yet.</translation>
    </message>
    <message>
        <source>Courriels reçus</source>
        <translation>Emails received</translation>
    </message>
    <message>
        <source>Choisissez un courriel dans la liste pour le lire.</source>
        <translation>Choose an email in the list to read it.</translation>
    </message>
    <message>
        <source>De :</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>À :</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Contenu du courriel</source>
        <translation>Content of the email</translation>
    </message>
    <message>
        <source>Liens du courriel :</source>
        <translation>The email&apos;s links:</translation>
    </message>
    <message>
        <source>Enregistrer le courriel (.eml)</source>
        <translation>Save the email (.eml)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PasswordChecklist</name>
    <message>
        <source>validé</source>
        <translation>met</translation>
    </message>
    <message>
        <source>en erreur</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>{criterion} : {state}</source>
        <translation>{criterion}: {state}</translation>
    </message>
    <message>
        <source>Robustesse du mot de passe : niveau {label}.</source>
        <translation>Password strength: {label}.</translation>
    </message>
    <message>
        <source>Robustesse du mot de passe : évaluation en cours…</source>
        <translation>Password strength: being assessed…</translation>
    </message>
    <message>
        <source>Robustesse du mot de passe</source>
        <translation>Password strength</translation>
    </message>
    <message>
        <source>Problèmes du mot de passe</source>
        <translation>Password problems</translation>
    </message>
    <message>
        <source>Tous les critères sont respectés.</source>
        <translation>Every criterion is met.</translation>
    </message>
    <message>
        <source>Il manque : {missing}.</source>
        <translation>Missing: {missing}.</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <source>{app} — scénario : {title} (données de démonstration)</source>
        <translation>{app} — scenario: {title} (demonstration data)</translation>
    </message>
    <message>
        <source>Scénario « {title} » ouvert dans une nouvelle fenêtre, avec des données de démonstration. Votre fenêtre n&apos;a pas changé.</source>
        <translation>Scenario &quot;{title}&quot; opened in a new window, with demonstration data. Your window has not changed.</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Candidater</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Étape 1 — vide</source>
        <translation>Step 1 — empty</translation>
    </message>
    <message>
        <source>Étape 1 — non éligible</source>
        <translation>Step 1 — not eligible</translation>
    </message>
    <message>
        <source>Étape 1 — éligible</source>
        <translation>Step 1 — eligible</translation>
    </message>
    <message>
        <source>Étape 2 — vide</source>
        <translation>Step 2 — empty</translation>
    </message>
    <message>
        <source>Étape 2 — liste de critères à moitié remplie</source>
        <translation>Step 2 — checklist half met</translation>
    </message>
    <message>
        <source>Étape 2 — erreurs affichées</source>
        <translation>Step 2 — errors shown</translation>
    </message>
    <message>
        <source>Courriel envoyé</source>
        <translation>Email sent</translation>
    </message>
    <message>
        <source>Boîte de réception — courriel reçu</source>
        <translation>Inbox — email received</translation>
    </message>
    <message>
        <source>Boîte de réception — lien expiré</source>
        <translation>Inbox — link expired</translation>
    </message>
    <message>
        <source>Compte activé</source>
        <translation>Account activated</translation>
    </message>
    <message>
        <source>Connexion refusée</source>
        <translation>Sign-in refused</translation>
    </message>
    <message>
        <source>Connecté</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Connexion bloquée (trop de tentatives)</source>
        <translation>Sign-in blocked (too many attempts)</translation>
    </message>
</context>
<context>
    <name>ShowPassword</name>
    <message>
        <source>Afficher</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Par exemple : nom@example.com</source>
        <translation>For example: name@example.com</translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Saisissez votre adresse électronique et votre mot de passe.</source>
        <translation>Enter your email address and your password.</translation>
    </message>
    <message>
        <source>Connectez-vous avec l&apos;adresse électronique et le mot de passe choisis lors de la création de votre compte.</source>
        <translation>Sign in with the email address and the password you chose when you created your account.</translation>
    </message>
    <message>
        <source>Votre adresse électronique</source>
        <translation>Your email address</translation>
    </message>
    <message>
        <source>Votre mot de passe</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Renvoyer le courriel d&apos;activation</source>
        <translation>Send the activation email again</translation>
    </message>
    <message>
        <source>Connexion en cours…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <source>Se déconnecter</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Mon compte</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>Sur un ordinateur partagé, déconnectez-vous quand vous avez terminé.</source>
        <translation>On a shared computer, sign out when you have finished.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Candidater</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Mon Master</source>
        <translation>Mon Master</translation>
    </message>
    <message>
        <source>Bienvenue sur Mon Master</source>
        <translation>Welcome to Mon Master</translation>
    </message>
    <message>
        <source>Mon Master est la plateforme nationale de candidature en première année des formations conduisant au diplôme national de master.</source>
        <translation>Mon Master is the national platform for applying to the first year of programmes leading to the national master&apos;s degree.</translation>
    </message>
    <message>
        <source>Vous devez créer votre compte afin de candidater. Cliquez sur le bouton « Candidater ».</source>
        <translation>You must create your account in order to apply. Click the &quot;Apply&quot; button.</translation>
    </message>
    <message>
        <source>Application de démonstration hors ligne</source>
        <translation>Offline demonstration application</translation>
    </message>
    <message>
        <source>Mon Master Desktop reproduit la création d&apos;un compte sur la plateforme Mon Master, sans connexion à Internet. Les informations saisies restent sur cet ordinateur et aucun courriel n&apos;est réellement envoyé.</source>
        <translation>Mon Master Desktop reproduces the creation of an account on the Mon Master platform, without an internet connection. The information entered stays on this computer and no email is really sent.</translation>
    </message>
    <message>
        <source>Nouvelle session : rien de la personne précédente n&apos;a été conservé.</source>
        <translation>New session: nothing of the previous person has been kept.</translation>
    </message>
</context>
</TS>
