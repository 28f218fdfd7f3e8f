; Inno Setup 6 script of Mon Master Desktop: MonMasterDesktop-Setup-<version>.exe.
;
; Built by packaging/build.py, which passes the version (from pyproject.toml) and the paths:
;   ISCC.exe /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DBundleDir=dist\MonMasterDesktop
;            /DOutputDir=dist /DIconFile=build\icons\monmaster-desktop.ico packaging\windows\installer.iss
; Per-user install without administrator rights (a fair's laptop, a tester's account); an administrator
; may still choose "for all users" in the first dialog. French wizard, Start-menu entry, uninstaller
; (Settings > Apps). The candidates' data (%LOCALAPPDATA%\monmaster-desktop) is not removed on uninstall.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging/build.py does)
#endif
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\MonMasterDesktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\monmaster-desktop.ico"
#endif
#define AppName "Mon Master Desktop"
#define AppExe "MonMasterDesktop.exe"

[Setup]
; The AppId identifies the application across versions (upgrades, uninstall): never change it.
AppId={{6F0C2B1E-4D7A-4C55-9B1E-3A8E5D2C7F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Répétition hors ligne de la création d'un compte sur la plateforme Mon Master
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Installation de {#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=MonMasterDesktop-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "S'entraîner à créer son compte Mon Master"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python's byte-code caches, if any were written next to the program.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
